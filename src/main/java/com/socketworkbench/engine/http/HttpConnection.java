package com.socketworkbench.engine.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;

/** An open connection of an {@link HttpExchanger}: the socket, its streams and what it was opened for. */
record HttpConnection(Socket socket, InputStream in, OutputStream out, HttpTarget target, boolean insecure,
                      Optional<TlsInfo> tls) {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConnection.class);

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
