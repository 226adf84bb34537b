package com.socketworkbench.engine.websocket;

import com.socketworkbench.engine.http.ResponseScanner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of a handshake reply that is not 101, framed by the HTTP engine's {@link ResponseScanner} (none for 1xx,
 * 204 and 304, chunked, Content-Length, or until the server closes): the bytes are kept as received (a chunked body
 * keeps its chunk lines), at most {@link #MAX_BODY}. A server that stops sending before the end is not waited for
 * beyond the handshake deadline, and what came is shown. The connection is closed afterwards anyway, so nothing
 * needs the exact end but the user.
 */
final class RejectedBody {
    /** A refused upgrade's reason is small; more is not read, so a huge or endless body cannot fill the memory. */
    static final int MAX_BODY = 1024 * 1024;

    private RejectedBody() {
    }

    /**
     * @param head the reply's head, up to and including its empty line
     * @param rest bytes already read after the head
     */
    static byte[] read(byte[] head, byte[] rest, InputStream in) throws IOException {
        ResponseScanner scanner = new ResponseScanner("GET");
        scanner.feed(head, 0, head.length);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        byte[] next = rest;
        int length = rest.length;
        try {
            while (!scanner.isComplete() && body.size() < MAX_BODY) {
                if (next == null) {
                    length = in.read(buffer);
                    if (length < 0) {
                        break;
                    }
                    next = buffer;
                }
                int room = Math.min(length, MAX_BODY - body.size());
                int used = scanner.feed(next, 0, room);
                // Past the body's end the bytes are not the reply's (nothing should follow a refusal).
                body.write(next, 0, scanner.isComplete() ? used : room);
                next = null;
            }
        } catch (IOException e) {
            // The server stopped sending before the end it announced, or the handshake deadline closed the
            // connection: show what came.
        }
        return body.toByteArray();
    }
}
