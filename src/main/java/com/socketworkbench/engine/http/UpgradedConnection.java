package com.socketworkbench.engine.http;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;

/**
 * A connection the server switched to WebSocket with a 101 answer to the HTTP tab's request: the exchange is over
 * for HTTP, but the socket stays open for whoever takes it from {@link HttpExchanger#takeUpgraded()}. It carries
 * the handshake as it went over the wire and the bytes the server sent after its head (the first frames may come in
 * the same read), so the new owner misses nothing. Whoever takes it closes it.
 *
 * @param socket       what to read and write: the TCP socket, or the TLS socket over it
 * @param in           the socket's input, positioned after the bytes in {@code afterHead}
 * @param out          the socket's output
 * @param target       where the request went
 * @param tls          for https: the session the exchange negotiated
 * @param requestHead  the request's head as written (request line, headers, empty line)
 * @param responseHead the server's head up to and including its empty line
 * @param afterHead    bytes read past the head, which belong to the protocol switched to
 */
public record UpgradedConnection(Socket socket, InputStream in, OutputStream out, HttpTarget target,
                                 Optional<TlsInfo> tls, byte[] requestHead, byte[] responseHead, byte[] afterHead)
        implements AutoCloseable {

    /** The value of the request's header {@code name} (case-insensitive; several are joined with ", "), or empty. */
    public Optional<String> requestHeader(String name) {
        java.util.List<String> values = HeaderHelper.valuesIn(requestHead, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    /** The request target of the request line ("/chat?room=1"). */
    public String requestTarget() {
        String head = new String(requestHead, java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = head.indexOf('\n');
        String[] parts = (end < 0 ? head : head.substring(0, end)).strip().split(" ");
        return parts.length >= 2 ? parts[1] : "/";
    }

    @Override
    public void close() {
        HttpConnection.closeQuietly(socket);
    }
}
