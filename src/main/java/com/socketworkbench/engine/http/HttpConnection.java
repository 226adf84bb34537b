package com.socketworkbench.engine.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;

/**
 * An open connection of an {@link HttpExchanger}: the socket, its streams and what it was opened for.
 *
 * @param socket    what the exchange reads and writes: the TCP socket, or the TLS socket over it
 * @param transport the TCP socket itself (the same as {@code socket} for http)
 */
record HttpConnection(Socket socket, Socket transport, InputStream in, OutputStream out, HttpTarget target,
                      boolean insecure, Optional<TlsInfo> tls) {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);

    /**
     * Bytes that arrived and were not read, without waiting: on an idle kept connection these were never asked for.
     * Under TLS they count the decrypted bytes held by the TLS socket and the encrypted ones still on the TCP socket.
     * 0 when the socket is broken (the stale-connection retry then deals with it).
     */
    int unreadBytes() {
        try {
            int unread = in.available();
            if (transport != socket) {
                unread += transport.getInputStream().available();
            }
            return unread;
        } catch (IOException e) {
            return 0;
        }
    }

    void closeQuietly() {
        closeQuietly(socket);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed: {}", socket, e.getMessage());
        }
    }
}
