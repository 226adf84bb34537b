package com.socketworkbench.engine.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.net.SocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;

/**
 * One side of a TCP pair as the pair's threads use it: plain (the channel itself, read into a direct buffer) or TLS
 * (an {@link SSLSocket} over the channel's socket, read into a heap buffer). A reset always goes to the channel
 * underneath: SO_LINGER 0 and close, no close_notify.
 */
abstract sealed class RelaySocket implements Outlet {
    private static final Logger LOG = LoggerFactory.getLogger(RelaySocket.class);

    final SocketChannel channel;

    RelaySocket(SocketChannel channel) {
        this.channel = channel;
    }

    static RelaySocket plain(SocketChannel channel) {
        return new Plain(channel);
    }

    static RelaySocket tls(SocketChannel channel, SSLSocket socket) {
        return new Tls(channel, socket);
    }

    /** A read buffer of {@code size} that suits this side. */
    abstract ByteBuffer buffer(int size);

    /** Reads into {@code buffer} from its position; -1 at end of stream. */
    abstract int read(ByteBuffer buffer) throws IOException;

    /** Writes all of {@code data}. */
    @Override
    public abstract void write(ByteBuffer data) throws IOException;

    @Override
    public boolean keepsBoundaries() {
        return false;
    }

    /** Half-closes: a FIN (after a close_notify for TLS) toward this side; reading goes on. */
    abstract void shutdownOutput() throws IOException;

    /** Closes gracefully (close_notify for TLS, then FIN). */
    abstract void close();

    /** Resets: SO_LINGER 0 on the channel, then close. */
    final void reset() {
        try {
            if (channel.isOpen()) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not set SO_LINGER 0 before a reset", e);
        }
        closeQuietly(channel);
    }

    private static final class Plain extends RelaySocket {
        Plain(SocketChannel channel) {
            super(channel);
        }

        @Override
        ByteBuffer buffer(int size) {
            return ByteBuffer.allocateDirect(size);
        }

        @Override
        int read(ByteBuffer buffer) throws IOException {
            return channel.read(buffer);
        }

        @Override
        public void write(ByteBuffer data) throws IOException {
            while (data.hasRemaining()) {
                channel.write(data);
            }
        }

        @Override
        void shutdownOutput() throws IOException {
            channel.shutdownOutput();
        }

        @Override
        void close() {
            closeQuietly(channel);
        }
    }

    private static final class Tls extends RelaySocket {
        private final SSLSocket socket;
        private final InputStream in;
        private final OutputStream out;

        Tls(SocketChannel channel, SSLSocket socket) {
            super(channel);
            this.socket = socket;
            try {
                this.in = socket.getInputStream();
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        ByteBuffer buffer(int size) {
            return ByteBuffer.allocate(size);
        }

        @Override
        int read(ByteBuffer buffer) throws IOException {
            int count = in.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            if (count > 0) {
                buffer.position(buffer.position() + count);
            }
            return count;
        }

        @Override
        public void write(ByteBuffer data) throws IOException {
            if (data.hasArray()) {
                out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
                data.position(data.limit());
            } else {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                out.write(bytes);
            }
            out.flush();
        }

        @Override
        void shutdownOutput() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("Closing a TLS relay socket failed", e);
                closeQuietly(channel);
            }
        }
    }

    /** Closes a socket whose closing can fail only in ways nobody can act on (logged at debug level). */
    static void closeQuietly(Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing a relay socket failed", e);
        }
    }

    /** The channel's local address; null when it is closed. */
    static SocketAddress localAddress(SocketChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** The channel's peer; {@code fallback} when it is closed. */
    static SocketAddress remoteAddress(SocketChannel channel, SocketAddress fallback) {
        try {
            SocketAddress remote = channel.getRemoteAddress();
            return remote == null ? fallback : remote;
        } catch (IOException e) {
            return fallback;
        }
    }
}
