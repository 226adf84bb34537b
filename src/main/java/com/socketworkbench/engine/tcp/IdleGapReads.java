package com.socketworkbench.engine.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A blocking read that ends after the idle gap: SO_TIMEOUT on the socket (plain or TLS over the channel's adaptor),
 * set only when the gap changes, because each set is a system call on the read path.
 */
final class IdleGapReads {
    private final Socket socket;
    private int soTimeout;

    /** {@code currentTimeout}: the socket's SO_TIMEOUT now, or -1 when unknown (the first read sets it). */
    IdleGapReads(Socket socket, int currentTimeout) {
        this.socket = socket;
        this.soTimeout = currentTimeout;
    }

    /** Reads from {@code in} (the socket's stream) into {@code buffer}; {@link StreamIo#IDLE} when the gap passed. */
    int read(InputStream in, byte[] buffer, long idleGapMillis) throws IOException {
        int timeout = (int) Math.min(Math.max(idleGapMillis, 0), Integer.MAX_VALUE);
        if (timeout != soTimeout) {
            socket.setSoTimeout(timeout);
            soTimeout = timeout;
        }
        try {
            return in.read(buffer, 0, buffer.length);
        } catch (SocketTimeoutException idle) {
            return StreamIo.IDLE;
        }
    }
}
