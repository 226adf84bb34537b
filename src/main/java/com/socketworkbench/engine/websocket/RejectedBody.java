package com.socketworkbench.engine.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The body of a handshake reply that is not 101, read as RFC 9112 section 6.3 frames it: none for 1xx, 204 and
 * 304, chunked, Content-Length, or until the server closes. The bytes are kept as received (a chunked body keeps
 * its chunk lines), at most {@link #MAX_BODY}; a server that stops sending before the end is not waited for beyond
 * the handshake deadline, and what came is shown. The connection is closed afterwards anyway, so nothing needs
 * the exact end but the user.
 */
final class RejectedBody {
    /** A refused upgrade's reason is small; more is not read, so a huge or endless body cannot fill the memory. */
    static final int MAX_BODY = 1024 * 1024;

    private RejectedBody() {
    }

    /**
     * @param head   the reply's head
     * @param status its status code
     * @param rest   bytes already read after the head
     */
    static byte[] read(byte[] head, int status, byte[] rest, InputStream in) throws IOException {
        if (status < 200 || status == 204 || status == 304) {
            return new byte[0];
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(rest, 0, Math.min(rest.length, MAX_BODY));
        String transferEncoding = header(head, "transfer-encoding");
        String contentLength = header(head, "content-length");
        long want = Long.MAX_VALUE;
        boolean chunked = transferEncoding != null
                && transferEncoding.toLowerCase(Locale.ROOT).strip().endsWith("chunked");
        if (!chunked && transferEncoding == null && contentLength != null) {
            try {
                want = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                want = Long.MAX_VALUE;
            }
        }
        byte[] buffer = new byte[8192];
        try {
            while (body.size() < Math.min(want, MAX_BODY) && !(chunked && chunkedEnded(body.toByteArray()))) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, MAX_BODY - body.size()));
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The server stopped sending before the end it announced, or the handshake deadline closed the
            // connection: show what came.
        }
        byte[] all = body.toByteArray();
        return want < all.length ? java.util.Arrays.copyOf(all, (int) want) : all;
    }

    /** Whether the chunked body read so far holds its last (zero-size) chunk line. */
    static boolean chunkedEnded(byte[] body) {
        int at = 0;
        while (true) {
            int eol = indexOf(body, at);
            if (eol < 0) {
                return false;
            }
            String line = new String(body, at, eol - at, StandardCharsets.ISO_8859_1);
            int semicolon = line.indexOf(';');
            String digits = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            long size;
            try {
                size = Long.parseLong(digits, 16);
            } catch (NumberFormatException e) {
                return true; // not chunked after all: nothing more can be framed, so stop here
            }
            if (size == 0) {
                return true;
            }
            long next = eol + 1 + size;
            // The chunk's data ends with CRLF (or a bare LF); its next line follows.
            if (next >= body.length) {
                return false;
            }
            int after = (int) next;
            if (body[after] == '\r') {
                after++;
            }
            if (after >= body.length) {
                return false;
            }
            at = after + 1;
        }
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A header's value (several joined with ", "), null when absent. */
    private static String header(byte[] head, String name) {
        String value = null;
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                String each = line.substring(colon + 1).strip();
                value = value == null ? each : value + ", " + each;
            }
        }
        return value;
    }
}
