package com.socketworkbench.ui.tls;

import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/**
 * A file the TLS setup reads (a CA bundle, a certificate, a key), typed or chosen: empty means none; otherwise it
 * must be a readable file now, so a typo shows at the field instead of as a failed handshake later.
 */
public final class TlsFileInput extends TextInput {

    public TlsFileInput(String initial) {
        super(initial, TlsFileInput::check);
    }

    static InputVerdict check(String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return InputVerdict.FINE;
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            return InputVerdict.error(TEXT.get("error.file.path", text));
        }
        if (Files.isDirectory(path)) {
            return InputVerdict.error(TEXT.get("error.file.folder", text));
        }
        if (!Files.exists(path)) {
            return InputVerdict.error(TEXT.get("error.file.missing", text));
        }
        return Files.isReadable(path) ? InputVerdict.FINE : InputVerdict.error(TEXT.get("error.file.unreadable", text));
    }

    /** The file, or null when none is typed (or the text is no path: the verdict says so). */
    public Path path() {
        String text = text();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** True when a file name is typed, valid or not. */
    public boolean isSet() {
        return !text().isEmpty();
    }
}
