package com.socketworkbench.engine.net;

import java.io.Serial;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The remote end of a connection accepted by a Unix domain socket server. Such clients are normally unnamed (they
 * did not bind a path), so the system gives no address that tells them apart; this names them after the server's
 * path and the connection id: "unix:/tmp/app.sock client #3" (see {@link Endpoints#describe}).
 */
public final class UnixPeerAddress extends SocketAddress {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String serverPath;
    private final long clientNumber;

    public UnixPeerAddress(Path serverPath, long clientNumber) {
        this.serverPath = Objects.requireNonNull(serverPath, "serverPath").toString();
        this.clientNumber = clientNumber;
    }

    /** The path of the socket the server listens on. */
    public Path serverPath() {
        return Path.of(serverPath);
    }

    /** The connection id the server gave this client. */
    public long clientNumber() {
        return clientNumber;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnixPeerAddress that && clientNumber == that.clientNumber
                && serverPath.equals(that.serverPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverPath, clientNumber);
    }

    @Override
    public String toString() {
        return "unix:" + serverPath + " client #" + clientNumber;
    }
}
