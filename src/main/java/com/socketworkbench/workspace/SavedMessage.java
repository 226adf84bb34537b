package com.socketworkbench.workspace;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;

import java.util.Objects;

/**
 * One named message of the library, kept as the user typed it: the editor text and how to read it (format, charset,
 * line ending), so sending it later gives exactly the bytes it gave when it was saved.
 *
 * @param name       what the list shows; never blank
 * @param text       the send editor's text (escapes or hex digits, by {@code format})
 * @param format     text or hex
 * @param charset    the charset name text is encoded with, e.g. {@code UTF-8}
 * @param lineEnding appended after the payload
 * @param note       free text, may be empty
 * @param fields     whether {@code {{...}}} dynamic fields are read (counters, checksums); off for messages saved
 *                   before fields existed, so their braces stay braces
 */
public record SavedMessage(String name, String text, PayloadFormat format, String charset, LineEnding lineEnding,
                           String note, boolean fields) {
    public SavedMessage {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A message needs a name");
        }
        text = text == null ? "" : text;
        format = format == null ? PayloadFormat.TEXT : format;
        charset = charset == null || charset.isBlank() ? "UTF-8" : charset;
        lineEnding = lineEnding == null ? LineEnding.NONE : lineEnding;
        note = note == null ? "" : note;
    }

    /** A message without dynamic fields. */
    public SavedMessage(String name, String text, PayloadFormat format, String charset, LineEnding lineEnding,
                        String note) {
        this(name, text, format, charset, lineEnding, note, false);
    }

    /** The same message under another name. */
    public SavedMessage withName(String newName) {
        return new SavedMessage(newName, text, format, charset, lineEnding, note, fields);
    }
}
