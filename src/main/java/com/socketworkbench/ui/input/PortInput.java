package com.socketworkbench.ui.input;

import com.socketworkbench.engine.net.Endpoints;

/**
 * A port number as typed, judged live with {@link Endpoints#validatePort}. A port to listen on may be 0 (the system
 * picks a free one) and gets a hint, not an error, below 1024 (binding may need root); a port to reach is 1–65535.
 */
public final class PortInput extends TextInput {
    /** The hint under a listener's port below 1024, in the language in use. */
    public static String privilegedHint() {
        return InputTexts.TEXT.get("port.privileged");
    }

    private final boolean listening;

    private PortInput(String initial, boolean listening) {
        super(initial, text -> check(text, listening));
        this.listening = listening;
    }

    /** A port a listener binds: 0–65535, with the privileged-port hint. */
    public static PortInput toListenOn(String initial) {
        return new PortInput(initial, true);
    }

    /** A port to connect or send to: 1–65535. */
    public static PortInput toReach(String initial) {
        return new PortInput(initial, false);
    }

    private static InputVerdict check(String text, boolean listening) {
        try {
            int port = Endpoints.validatePort(text, listening);
            return InputVerdict.hint(listening && port > 0 && port < 1024 ? privilegedHint() : "");
        } catch (IllegalArgumentException e) {
            return InputVerdict.error(e.getMessage());
        }
    }

    /** True for a listener's port (0 allowed). */
    public boolean listening() {
        return listening;
    }

    /** The port typed, or -1 while the text is no valid port. */
    public int port() {
        try {
            return Endpoints.validatePort(textProperty().get() == null ? "" : textProperty().get(), listening);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
