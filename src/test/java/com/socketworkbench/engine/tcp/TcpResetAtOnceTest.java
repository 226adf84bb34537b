package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A peer that connects and resets at once (SO_LINGER 0 close) gets a timeline row whichever way the OS hands the
 * connection over: Linux accepts it and the first read sees the reset; the BSDs fail the set-up itself (setsockopt
 * answers "Invalid argument" on a reset connection), which used to be only a debug log line.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpResetAtOnceTest {
    private static final int PEERS = 20;

    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();

    @Test
    void everyPeerThatResetsAtOnceLeavesARowAndNothingOpen() throws Exception {
        TcpServer server = tcp.server();
        for (int i = 0; i < PEERS; i++) {
            try (Socket peer = new Socket()) {
                peer.connect(server.localAddress(), 5_000);
                peer.setSoLinger(true, 0);
            }
        }
        // Each peer is explained once: set up and then closed as reset, or reported as failing its set-up.
        await().atMost(RecordingSink.WAIT).until(() -> sink.of(ConnectionClosed.class).size()
                + setUpFailures().size() == PEERS);
        for (ConnectionAccepted accepted : sink.of(ConnectionAccepted.class)) {
            assertEquals(List.of(CloseReason.RESET), sink.of(ConnectionClosed.class, accepted.connectionId())
                    .stream().map(ConnectionClosed::reason).toList());
        }
        assertEquals(PEERS, sink.of(ConnectionAccepted.class).size() + setUpFailures().size());
        await().atMost(RecordingSink.WAIT).until(() -> server.connectionCount() == 0);
    }

    @Test
    void aConnectionWhoseSetUpFailsIsReportedAndClosed() throws Exception {
        TcpServer server = tcp.server();
        InetSocketAddress peer = new InetSocketAddress(TcpFixture.LOOPBACK, 40_123);
        ResetChannel channel = new ResetChannel(server.localAddress(), peer);

        server.admit(channel);

        Failure failure = sink.awaitFirst(Failure.class);
        assertEquals(Operation.ACCEPT, failure.operation());
        assertEquals(0, failure.connectionId(), "no connection id: it never became one");
        assertEquals(peer, failure.remote());
        assertEquals("A connection from 127.0.0.1:40123 ended before it could be set up (the peer most likely reset"
                + " or closed it at once): SocketException: Invalid argument", failure.message());
        assertTrue(channel.closed, "its descriptor is closed");
        assertEquals(0, server.connectionCount());
        assertEquals(List.of(), sink.of(ConnectionAccepted.class));

        ResetChannel reset = new ResetChannel(server.localAddress(), peer, "Connection reset");
        server.admit(reset);
        await().atMost(RecordingSink.WAIT).until(() -> setUpFailures().size() == 2);
        Failure second = setUpFailures().getLast();
        assertEquals(FailureKind.CONNECTION_RESET, second.kind());
        assertEquals("A connection from 127.0.0.1:40123 was reset by the peer before it could be set up",
                second.message());
        assertTrue(reset.closed);
    }

    private List<Failure> setUpFailures() {
        return sink.of(Failure.class).stream().filter(f -> f.operation() == Operation.ACCEPT).toList();
    }

    /**
     * An accepted channel as a BSD kernel hands over a connection the peer already reset: its addresses are known,
     * but setting an option fails.
     */
    private static final class ResetChannel extends SocketChannel {
        private final SocketAddress local;
        private final SocketAddress remote;
        private final String error;
        volatile boolean closed;

        ResetChannel(SocketAddress local, SocketAddress remote) {
            this(local, remote, "Invalid argument");
        }

        ResetChannel(SocketAddress local, SocketAddress remote, String error) {
            super(SelectorProvider.provider());
            this.local = local;
            this.remote = remote;
            this.error = error;
        }

        @Override
        public <T> SocketChannel setOption(SocketOption<T> name, T value) throws IOException {
            throw new SocketException(error);
        }

        @Override
        public SocketAddress getRemoteAddress() {
            return remote;
        }

        @Override
        public SocketAddress getLocalAddress() {
            return local;
        }

        @Override
        protected void implCloseSelectableChannel() {
            closed = true;
        }

        @Override
        public SocketChannel bind(SocketAddress address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T getOption(SocketOption<T> name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<SocketOption<?>> supportedOptions() {
            return Set.of();
        }

        @Override
        public SocketChannel shutdownInput() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SocketChannel shutdownOutput() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket socket() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public boolean isConnectionPending() {
            return false;
        }

        @Override
        public boolean connect(SocketAddress address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean finishConnect() {
            return true;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            throw new SocketException(error);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            throw new SocketException(error);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new SocketException(error);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new SocketException(error);
        }

        @Override
        protected void implConfigureBlocking(boolean block) {
        }
    }
}
