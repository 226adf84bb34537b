package com.socketworkbench.engine.codec;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Objects;

import com.socketworkbench.engine.text.Texts;

/** The charsets offered for sending and viewing payloads, most used first. */
public final class SupportedCharsets {

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.codec.codec");
    private static final List<String> NAMES = List.of("UTF-8", "GBK", "GB18030", "Big5", "Shift_JIS", "ISO-8859-1",
            "windows-1252", "US-ASCII", "UTF-16BE", "UTF-16LE");

    private static final List<Charset> ALL = NAMES.stream()
            .filter(Charset::isSupported)
            .map(Charset::forName)
            .toList();

    private SupportedCharsets() {
    }

    /**
     * UTF-8 first, then GBK, GB18030, Big5, Shift_JIS, ISO-8859-1, windows-1252, US-ASCII, UTF-16BE, UTF-16LE; those
     * this JVM has. Immutable.
     */
    public static List<Charset> all() {
        return ALL;
    }

    /**
     * The charset with this name or alias (case-insensitive), e.g. "utf8" or "cp936"; any charset the JVM knows,
     * not only those in {@link #all()}.
     *
     * @throws IllegalArgumentException with a user-facing message when there is no such charset
     */
    public static Charset byName(String name) {
        Objects.requireNonNull(name, "name");
        String trimmed = name.strip();
        try {
            return Charset.forName(trimmed);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(TEXT.get("charset.unknown", trimmed,
                    String.join(", ", ALL.stream().map(Charset::name).toList())), e);
        }
    }
}
