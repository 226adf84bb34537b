package com.socketworkbench.engine.websocket;

import static com.socketworkbench.engine.websocket.WsUrl.TEXT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the header block of the server's reply to the opening handshake, up to and including the empty line. A
 * server may send its first frames right behind the headers, in the same read; those bytes are kept as
 * {@link #rest()} so the frame reader starts with them.
 *
 * @param head the status line and headers, ending with the empty line
 * @param rest what was read after the empty line
 */
record ResponseHead(byte[] head, byte[] rest) {
    /** A longer header block is refused: a server that never ends its headers must not fill the memory. */
    static final int MAX_HEAD = 16 * 1024;

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
                return new ResponseHead(Arrays.copyOf(sofar, end), Arrays.copyOfRange(sofar, end, sofar.length));
            }
            if (sofar.length > MAX_HEAD) {
                throw new HandshakeFailure(TEXT.get("failed.headTooLong", MAX_HEAD));
            }
        }
    }

    private static int headEnd(byte[] data, int from) {
        for (int i = from; i + 3 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }
}
