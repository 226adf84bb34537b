package com.socketworkbench.ui.stream;

import com.socketworkbench.engine.net.UnixSocketPaths;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The file path of a Unix domain socket as typed, judged live with the engine's rules (not empty, not longer than
 * the system's socket path limit). Whether a file is in the way is found out when starting or connecting.
 */
public final class UnixPathInput extends TextInput {
    public static final String DEFAULT_PATH = "/tmp/socket-workbench.sock";

    public UnixPathInput(String initial) {
        super(initial, text -> InputVerdict.error(problem(text)));
    }

    /** The problem with {@code text} as a socket path in plain words, or empty when it can be used. */
    public static String problem(String text) {
        String trimmed = text == null ? "" : text.strip();
        try {
            UnixSocketPaths.validate(trimmed.isEmpty() ? null : Path.of(trimmed));
            return "";
        } catch (InvalidPathException e) {
            return StreamText.TEXT.get("unix.path.invalid", trimmed, e.getReason());

        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
