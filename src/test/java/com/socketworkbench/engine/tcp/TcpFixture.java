package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.ConnectionAccepted;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The loopback set-up the engine TCP tests share: a {@link RecordingSink}, engine servers and clients on 127.0.0.1
 * and plain JDK sockets as their peers, all closed after each test, newest first. Register it with
 * {@code @RegisterExtension final TcpFixture tcp = new TcpFixture();}.
 */
final class TcpFixture implements AfterEachCallback {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** How long a JDK peer waits for bytes or a connection before the test fails instead of hanging. */
    static final int PEER_TIMEOUT_MILLIS = 10_000;

    /** Prepares a server or client before it starts (framing, options); may throw like the engine calls do. */
    @FunctionalInterface
    interface SetUp<T> {
        void apply(T target) throws Exception;
    }

    private final RecordingSink sink = new RecordingSink();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        resources.clear();
    }

    /** Where every engine component made here reports. */
    RecordingSink sink() {
        return sink;
    }

    /** Closes {@code resource} after the test. */
    <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    /** A started engine server on 127.0.0.1, any free port. */
    TcpServer server() throws Exception {
        return server(server -> { });
    }

    /** A server on 127.0.0.1, any free port, prepared by {@code setUp} and then started. */
    TcpServer server(SetUp<TcpServer> setUp) throws Exception {
        TcpServer server = track(new TcpServer(new TcpServerConfig("127.0.0.1", 0), sink));
        setUp.apply(server);
        server.start();
        return server;
    }

    /** A JDK socket connected to {@code server}. */
    Socket peer(TcpServer server) throws IOException {
        return peer(server, 0);
    }

    /** A JDK socket connected to {@code server}, asking for {@code receiveBuffer} bytes of SO_RCVBUF (0: default). */
    Socket peer(TcpServer server, int receiveBuffer) throws IOException {
        Socket socket = track(new Socket());
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout(PEER_TIMEOUT_MILLIS);
        socket.connect(server.localAddress(), 5_000);
        return socket;
    }

    /** The connection id the server gave {@code peer}, once it reported accepting it. */
    long idOf(Socket peer) {
        int port = peer.getLocalPort();
        return sink.awaitFirst(ConnectionAccepted.class,
                accepted -> ((InetSocketAddress) accepted.remote()).getPort() == port).connectionId();
    }

    /** A JDK listener on loopback, any free port, for engine clients to connect to. */
    ServerSocket listener() throws IOException {
        ServerSocket listener = track(new ServerSocket(0, 50, LOOPBACK));
        listener.setSoTimeout(PEER_TIMEOUT_MILLIS);
        return listener;
    }

    /** An engine client for {@code listener}, not connected yet. */
    TcpClient client(ServerSocket listener) {
        return track(new TcpClient(new TcpClientConfig("127.0.0.1", listener.getLocalPort()), sink));
    }

    /** Connects {@code client} (to {@code listener}) and returns the listener's side of the connection. */
    Socket connect(TcpClient client, ServerSocket listener) throws Exception {
        client.connect().get(10, TimeUnit.SECONDS);
        return accept(listener);
    }

    /** The next connection {@code listener} accepts. */
    Socket accept(ServerSocket listener) throws IOException {
        Socket socket = track(listener.accept());
        socket.setSoTimeout(PEER_TIMEOUT_MILLIS);
        return socket;
    }

    /**
     * Fills the accept queue of {@code full} (a listener with backlog 1 that never accepts) with plain connects until
     * one times out: Linux then drops further SYNs, so connects to it time out. False when the kernel keeps
     * answering (then a test about connect timeouts cannot run here).
     */
    boolean fillAcceptQueue(ServerSocket full) throws IOException {
        InetSocketAddress address = new InetSocketAddress(LOOPBACK, full.getLocalPort());
        for (int i = 0; i < 10; i++) {
            Socket filler = track(new Socket());
            try {
                filler.connect(address, 300);
            } catch (SocketTimeoutException e) {
                return true;
            }
        }
        return false;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
