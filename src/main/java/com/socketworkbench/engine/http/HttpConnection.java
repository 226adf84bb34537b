package com.socketworkbench.engine.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An open connection of an {@link HttpExchanger}: the socket, its streams and what it was opened for.
 *
 * @param socket    what the exchange reads and writes: the TCP socket, or the TLS socket over it
 * @param transport the TCP socket itself (the same as {@code socket} for http)
 * @param caFile    the extra CA file the server was verified with ({@link #verifyingCaFile}); null for none
 */
record HttpConnection(Socket socket, Socket transport, InputStream in, OutputStream out, HttpTarget target,
                      boolean insecure, Path caFile, Optional<TlsInfo> tls) {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);

    /**
     * The extra CA file a connection to {@code target} with {@code options} is verified with: null for http, with
     * insecure TLS, or without one. A kept connection serves a request only when this is the same for both, so a
     * server once trusted through a CA file is not trusted through it again after the file was cleared.
     */
    static Path verifyingCaFile(HttpTarget target, RequestOptions options) {
        return target.isHttps() && !options.insecureTls() ? options.caFile() : null;
    }

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
