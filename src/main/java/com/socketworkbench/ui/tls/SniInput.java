package com.socketworkbench.ui.tls;

import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;

import javax.net.ssl.SNIHostName;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/** The server name to send in the handshake: empty means the host typed above; otherwise a valid DNS name. */
public final class SniInput extends TextInput {

    public SniInput(String initial) {
        super(initial, SniInput::check);
    }

    static InputVerdict check(String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return InputVerdict.FINE;
        }
        try {
            new SNIHostName(text);
            return text.chars().anyMatch(Character::isWhitespace)
                    ? InputVerdict.error(TEXT.get("error.sni", text)) : InputVerdict.FINE;
        } catch (IllegalArgumentException e) {
            return InputVerdict.error(TEXT.get("error.sni", text));
        }
    }

    /** The name to send, or null for "the host". */
    public String name() {
        return text().isEmpty() ? null : text();
    }
}
