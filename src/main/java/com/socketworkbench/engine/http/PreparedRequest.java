package com.socketworkbench.engine.http;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The exact bytes that will go on the wire.
 *
 * @param bytes    head + body; not copied, callers must not modify it
 * @param headEnd  index of the first body byte (the head includes its terminating empty line)
 * @param method   the request method as typed ("" when the request line is empty)
 * @param warnings problems found while preparing, in plain words; sending is still allowed
 */
public record PreparedRequest(byte[] bytes, int headEnd, String method, List<String> warnings) {

    public PreparedRequest {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(method, "method");
        warnings = List.copyOf(warnings);
        if (headEnd < 0 || headEnd > bytes.length) {
            throw new IllegalArgumentException("headEnd " + headEnd + " is outside 0.." + bytes.length);
        }
    }

    /** Bytes sent exactly as given (e.g. a replay of captured bytes); the method is read from the first word. */
    public static PreparedRequest ofExactBytes(byte[] bytes) {
        int headEnd = bytes.length;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\n' && (bytes[i + 1] == '\n'
                    || (bytes[i + 1] == '\r' && i + 2 < bytes.length && bytes[i + 2] == '\n'))) {
                headEnd = bytes[i + 1] == '\n' ? i + 2 : i + 3;
                break;
            }
        }
        int space = 0;
        while (space < bytes.length && bytes[space] != ' ' && bytes[space] != '\r' && bytes[space] != '\n') {
            space++;
        }
        String method = new String(bytes, 0, space, java.nio.charset.StandardCharsets.ISO_8859_1);
        return new PreparedRequest(bytes.clone(), headEnd, method, List.of());
    }

    public int bodyLength() {
        return bytes.length - headEnd;
    }

    public byte[] head() {
        return Arrays.copyOfRange(bytes, 0, headEnd);
    }

    public byte[] body() {
        return Arrays.copyOfRange(bytes, headEnd, bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedRequest other && headEnd == other.headEnd && method.equals(other.method)
                && Arrays.equals(bytes, other.bytes) && warnings.equals(other.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), headEnd, method, warnings);
    }

    @Override
    public String toString() {
        return "PreparedRequest[" + method + ", " + bytes.length + " bytes, head " + headEnd + ", warnings="
                + warnings + "]";
    }
}
