package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.WsUrl.TEXT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the header block of the server's reply to the opening handshake, up to and including the empty line. A
 * server may send its first frames right behind the headers, in the same read; those bytes are kept as
 * {@link #rest()} so the frame reader starts with them. A reply that is not 101 has no frames but may have a body
 * (why the server refused: a bad Origin, a missing token); that is read too, as {@link #body()}.
 *
 * @param head the status line and headers, ending with the empty line
 * @param rest what was read after the empty line (after the body for a reply that is not 101)
 * @param body the body of a reply that is not 101, as received (chunked stays chunked), at most
 *             {@link RejectedBody#MAX_BODY} bytes; empty for a 101
 */
record ResponseHead(byte[] head, byte[] rest, byte[] body) {
    /** A longer header block is refused: a server that never ends its headers must not fill the memory. */
    static final int MAX_HEAD = 16 * 1024;

    /** The head and the body of a refused upgrade, as shown to the user. */
    byte[] shown() {
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Reads up to the empty line after the headers; fails with the reason in words on EOF or a too long head. */
    static ResponseHead read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new HandshakeFailure(head.size() == 0 ? TEXT.get("failed.noResponse")
                        : TEXT.get("failed.responseCut", head.size()));
            }
            int before = head.size();
            head.write(buffer, 0, n);
            byte[] sofar = head.toByteArray();
            // The blank line may straddle two reads: look from a little before the new bytes.
            int end = headEnd(sofar, Math.max(0, before - 3));
            if (end >= 0) {
                byte[] headBytes = Arrays.copyOf(sofar, end);
                byte[] rest = Arrays.copyOfRange(sofar, end, sofar.length);
                int status = status(headBytes);
                if (status == 101 || status < 0) {
                    return new ResponseHead(headBytes, rest, new byte[0]);
                }
                return new ResponseHead(headBytes, new byte[0], RejectedBody.read(headBytes, rest, in));
            }
            if (sofar.length > MAX_HEAD) {
                throw new HandshakeFailure(TEXT.get("failed.headTooLong", MAX_HEAD));
            }
        }
    }

    /**
     * Where the head ends: after CRLF CRLF, or after LF LF or LF CRLF, as a server that ends its lines with a bare
     * LF writes it (the handshake check reports that); -1 while it has not ended.
     */
    static int headEnd(byte[] data, int from) {
        for (int i = from; i + 1 < data.length; i++) {
            if (data[i] != '\n') {
                continue;
            }
            if (data[i + 1] == '\n') {
                return i + 2;
            }
            if (data[i + 1] == '\r' && i + 2 < data.length && data[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** The status code of the head's first line, -1 when it does not read. */
    static int status(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf('\n');
        String[] parts = (eol < 0 ? text : text.substring(0, eol)).strip().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
