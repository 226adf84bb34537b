package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.workspace.SavedMessage;

/**
 * The one-line preview under a message's name: its text as typed with line breaks and tabs shown as escapes, or its
 * hex digits with the spacing collapsed, then the line ending it adds (text only). Cut to {@value #MAX_LENGTH} characters; the
 * list cell cuts further to its width.
 */
final class MessagePreview {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");
    static final int MAX_LENGTH = 120;

    private MessagePreview() {
    }

    static String of(SavedMessage message) {
        String body = message.format() == PayloadFormat.HEX
                ? TEXT.get("preview.hex", message.text().strip().replaceAll("\\s+", " "))
                : escapeBreaks(message.text());
        // Hex is sent exactly as written, so an ending saved with a hex message adds nothing and is not shown.
        if (message.lineEnding() != LineEnding.NONE && message.format() == PayloadFormat.TEXT) {
            body = body + " ⏎ " + message.lineEnding().name();
        }
        return body.length() <= MAX_LENGTH ? body : body.substring(0, MAX_LENGTH) + "…";
    }

    private static String escapeBreaks(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 8));
        for (int i = 0; i < text.length() && out.length() <= MAX_LENGTH; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : c);
            }
        }
        return out.toString();
    }
}
