package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;

import java.time.Duration;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/**
 * How long a server gives each client for its TLS handshake, in whole seconds from {@link #MIN} to {@link #MAX}
 * (a slow embedded client may need a minute; a deadline there must be, or a client that connects and says nothing
 * would hold its connection forever).
 */
public final class HandshakeTimeoutInput extends TextInput {
    public static final int MIN = 1;
    public static final int MAX = 600;
    /** The text of a new tab: the engine's default. */
    public static final String DEFAULT = Long.toString(TlsClientSettings.DEFAULT_HANDSHAKE_TIMEOUT.toSeconds());

    public HandshakeTimeoutInput(String initial) {
        super(initial, HandshakeTimeoutInput::check);
    }

    static InputVerdict check(String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return InputVerdict.error(TEXT.get("error.timeout.empty", MIN, MAX));
        }
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return InputVerdict.error(TEXT.get("error.timeout.digits", text, MIN, MAX));
        }
        if (text.length() > 6 || Integer.parseInt(text) < MIN || Integer.parseInt(text) > MAX) {
            return InputVerdict.error(TEXT.get("error.timeout.range", text, MIN, MAX));
        }
        return InputVerdict.FINE;
    }

    /** The timeout typed, or the engine's default while the text is invalid (Start is then disabled anyway). */
    public Duration duration() {
        return isValid() ? Duration.ofSeconds(Integer.parseInt(text()))
                : TlsClientSettings.DEFAULT_HANDSHAKE_TIMEOUT;
    }
}
