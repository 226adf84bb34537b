package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.framing.Framer;
import com.socketworkbench.engine.net.SocketErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static com.socketworkbench.engine.tcp.TcpFixture.ascii;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reader or writer thread that dies of an Error (as it did of OutOfMemoryError under a hostile peer) still ends its
 * connection once: removed from the server's table, its descriptor closed (the peer reads end of stream), exactly one
 * ConnectionClosed with a reason, and nothing left for Stop to close. The Error is injected where the engine calls
 * out: the framer (reader) and the event sink (writer, reader).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpThreadErrorTest {
    private final RecordingSink recorded = new RecordingSink();

    /** A sink that throws {@code error} at the first event {@code trigger} accepts, and records everything else. */
    private EventSink throwingAt(Predicate<NetEvent> trigger, Error error) {
        AtomicBoolean thrown = new AtomicBoolean();
        return event -> {
            if (trigger.test(event) && thrown.compareAndSet(false, true)) {
                throw error;
            }
            recorded.emit(event);
        };
    }

    /** A framer that passes reads through as frames and throws {@code error} on a read holding "boom". */
    private static Framer throwingOnBoom(Error error) {
        return new Framer() {
            @Override
            public void onBytes(byte[] buf, int off, int len, FrameSink sink) {
                byte[] read = Arrays.copyOfRange(buf, off, off + len);
                if (new String(read, java.nio.charset.StandardCharsets.US_ASCII).contains("boom")) {
                    throw error;
                }
                sink.frame(read, 1);
            }

            @Override
            public byte[] pending() {
                return new byte[0];
            }

            @Override
            public String describe() {
                return "throws on boom";
            }
        };
    }

    private static Socket connect(TcpServer server) throws Exception {
        Socket peer = new Socket();
        peer.setSoTimeout(TcpFixture.PEER_TIMEOUT_MILLIS);
        peer.connect(server.localAddress(), 5_000);
        return peer;
    }

    private long idOf(Socket peer) {
        int port = peer.getLocalPort();
        return recorded.awaitFirst(ConnectionAccepted.class,
                accepted -> ((InetSocketAddress) accepted.remote()).getPort() == port).connectionId();
    }

    /** Reads until end of stream (the server closed the descriptor); fails on a timeout instead. */
    private static byte[] readToEnd(Socket peer) throws Exception {
        InputStream in = peer.getInputStream();
        return in.readAllBytes();
    }

    /** The one close of {@code id} after Stop: a zombie would get a second, LISTENER_STOPPED, one here. */
    private ConnectionClosed onlyClose(TcpServer server, long id) {
        server.stop();
        List<ConnectionClosed> closes = recorded.of(ConnectionClosed.class, id);
        assertEquals(1, closes.size(), () -> "closes of connection " + id + ": " + closes);
        return closes.getFirst();
    }

    @Test
    void anErrorInTheReaderEndsTheConnectionOnce() throws Exception {
        try (TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), recorded);
             Socket peer = connect(startedWith(server, new OutOfMemoryError("injected")))) {
            long id = idOf(peer);
            peer.getOutputStream().write(ascii("boom"));

            assertArrayEquals(new byte[0], readToEnd(peer), "the peer reads end of stream: the descriptor is closed");
            await().atMost(RecordingSink.WAIT).until(() -> server.connectionCount() == 0);
            await().atMost(RecordingSink.WAIT).until(() -> server.liveThreads().stream()
                    .noneMatch(t -> t.getName().startsWith("tcp-conn-" + id + "-")));
            ConnectionClosed closed = onlyClose(server, id);
            assertEquals(CloseReason.ERROR, closed.reason());
            assertTrue(closed.detail().contains("OutOfMemoryError") && closed.detail().contains("injected"),
                    closed.detail());
            List<Failure> failures = recorded.of(Failure.class, id);
            assertEquals(1, failures.size(), () -> "failures: " + failures);
            assertEquals(FailureKind.IO_ERROR, failures.getFirst().kind());
        }
    }

    private static TcpServer startedWith(TcpServer server, Error error) throws Exception {
        server.setFramerFactory(() -> throwingOnBoom(error));
        server.start();
        return server;
    }

    @Test
    void anErrorInTheWriterEndsTheConnectionOnceAndFailsTheSend() throws Exception {
        EventSink sink = throwingAt(event -> event instanceof BytesSent, new OutOfMemoryError("injected"));
        try (TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), sink)) {
            server.start();
            try (Socket peer = connect(server)) {
                long id = idOf(peer);
                CompletableFuture<Void> sent = server.send(id, ascii("hello"));

                ExecutionException error = assertThrows(ExecutionException.class,
                        () -> sent.get(10, TimeUnit.SECONDS), "the send in hand when the writer died is settled");
                assertInstanceOf(SocketErrorException.class, error.getCause());
                assertArrayEquals(ascii("hello"), readToEnd(peer), "written, then end of stream");
                await().atMost(RecordingSink.WAIT).until(() -> server.connectionCount() == 0);
                await().atMost(RecordingSink.WAIT).until(() -> server.liveThreads().stream()
                        .noneMatch(t -> t.getName().startsWith("tcp-conn-" + id + "-")));
                ConnectionClosed closed = onlyClose(server, id);
                assertEquals(CloseReason.ERROR, closed.reason());
                assertTrue(closed.detail().contains("OutOfMemoryError"), closed.detail());
                assertEquals(1, recorded.of(Failure.class, id).size(), () -> "failures: " + recorded.all());
            }
        }
    }

    @Test
    void anErrorFromTheSinkOnReceivedBytesEndsTheConnectionOnce() throws Exception {
        EventSink sink = throwingAt(event -> event instanceof BytesReceived, new StackOverflowError("injected"));
        try (TcpServer server = new TcpServer(new TcpServerConfig("127.0.0.1", 0), sink)) {
            server.start();
            try (Socket peer = connect(server)) {
                long id = idOf(peer);
                peer.getOutputStream().write(ascii("x"));

                assertArrayEquals(new byte[0], readToEnd(peer));
                await().atMost(RecordingSink.WAIT).until(() -> server.connectionCount() == 0);
                ConnectionClosed closed = onlyClose(server, id);
                assertEquals(CloseReason.ERROR, closed.reason());
                assertTrue(closed.detail().contains("StackOverflowError"), closed.detail());
            }
        }
    }

    @Test
    void aClientWhoseReaderDiesIsDisconnectedOnce() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TcpClient client = new TcpClient(new TcpClientConfig("127.0.0.1", listener.getLocalPort()), recorded)) {
            listener.setSoTimeout(TcpFixture.PEER_TIMEOUT_MILLIS);
            client.setFramerFactory(() -> throwingOnBoom(new OutOfMemoryError("injected")));
            client.connect().get(10, TimeUnit.SECONDS);
            try (Socket peer = listener.accept()) {
                peer.setSoTimeout(TcpFixture.PEER_TIMEOUT_MILLIS);
                peer.getOutputStream().write(ascii("boom"));

                assertArrayEquals(new byte[0], readToEnd(peer));
                await().atMost(RecordingSink.WAIT).until(() -> !client.isConnected());
                client.close();
                List<ConnectionClosed> closes = recorded.of(ConnectionClosed.class, client.id());
                assertEquals(1, closes.size(), () -> "closes: " + closes);
                assertEquals(CloseReason.ERROR, closes.getFirst().reason());
            }
        }
    }
}
