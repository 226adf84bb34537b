package com.socketworkbench.engine.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The exact bytes that will go on the wire: the head in memory, the body as a {@link RequestBody} that is read while
 * it is sent (a large body is never one array).
 *
 * @param headBytes the head including its terminating empty line; not copied, callers must not modify it
 * @param body      what follows the head
 * @param method    the request method as typed ("" when the request line is empty)
 * @param warnings  problems found while preparing, in plain words; sending is still allowed
 */
public record PreparedRequest(byte[] headBytes, RequestBody body, String method, List<String> warnings) {

    /** {@link #bytes()} refuses to put a request larger than this into one array. */
    static final int MAX_ARRAY_BYTES = Integer.MAX_VALUE - 16;

    public PreparedRequest {
        Objects.requireNonNull(headBytes, "headBytes");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(method, "method");
        warnings = List.copyOf(warnings);
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
        String method = new String(bytes, 0, space, StandardCharsets.ISO_8859_1);
        return new PreparedRequest(Arrays.copyOfRange(bytes, 0, headEnd),
                RequestBody.of(Arrays.copyOfRange(bytes, headEnd, bytes.length)), method, List.of());
    }

    /** The number of head bytes, which is also the offset of the first body byte. */
    public int headEnd() {
        return headBytes.length;
    }

    public long bodyLength() {
        return body.length();
    }

    /** Head plus body: what goes on the wire. */
    public long length() {
        return headBytes.length + body.length();
    }

    /** A copy of the head. */
    public byte[] head() {
        return headBytes.clone();
    }

    /** What keeping this request costs the heap (the head, and a body given as bytes). */
    public long bytesInMemory() {
        return headBytes.length + body.bytesInMemory();
    }

    /** The same head without its body, for a request whose body no longer needs to be kept. */
    public PreparedRequest withoutBody() {
        return body.length() == 0 ? this : new PreparedRequest(headBytes, RequestBody.EMPTY, method, warnings);
    }

    /**
     * The whole request as one array, read from the body: for small requests and tests only (a large body is
     * streamed by the writer instead).
     *
     * @throws UncheckedIOException when the body cannot be read
     * @throws IllegalStateException when the request does not fit one array
     */
    public byte[] bytes() {
        if (length() > MAX_ARRAY_BYTES) {
            throw new IllegalStateException("A request of " + length() + " bytes does not fit one array");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) length());
        out.writeBytes(headBytes);
        try (InputStream in = body.open()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreparedRequest other && Arrays.equals(headBytes, other.headBytes)
                && body.equals(other.body) && method.equals(other.method) && warnings.equals(other.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(headBytes), body, method, warnings);
    }

    @Override
    public String toString() {
        return "PreparedRequest[" + method + ", " + length() + " bytes, head " + headBytes.length + ", body " + body
                + ", warnings=" + warnings + "]";
    }
}
