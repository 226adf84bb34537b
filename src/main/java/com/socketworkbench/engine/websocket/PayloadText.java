package com.socketworkbench.engine.websocket;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** How a payload reads as text: UTF-8, each byte that is not part of a valid character shown as {@code \xNN}. */
public final class PayloadText {

    private PayloadText() {
    }

    /** The text of {@code data}, with invalid bytes as {@code \xNN} and control characters escaped. */
    public static String utf8(byte[] data, int limit) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data, 0, Math.min(data.length, limit));
        CharBuffer out = CharBuffer.allocate(in.remaining() * 4 + 16);
        StringBuilder text = new StringBuilder();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            appendEscaped(text, out);
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    text.append("\\x").append(HexFormat.of().toHexDigits(in.get()));
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return text.toString();
    }

    private static void appendEscaped(StringBuilder text, CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\\' -> text.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        text.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
    }

    /** The first {@code limit} bytes as spaced hex ("48 65 6c"). */
    public static String hex(byte[] data, int limit) {
        int shown = Math.min(data.length, limit);
        StringBuilder text = new StringBuilder(shown * 3);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(HexFormat.of().toHexDigits(data[i]));
        }
        return text.toString();
    }
}
