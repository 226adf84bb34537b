package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.tls.TlsFailures;
import com.socketworkbench.engine.tls.TlsSessionDetails;
import com.socketworkbench.engine.tls.TlsSockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * TLS over a blocking channel: an {@link SSLSocket} layered over the channel's socket adaptor, whose SO_TIMEOUT
 * still ends a read after the idle gap (a timed-out read between records loses nothing). The handshake runs on the
 * connection's reader thread before anything else ({@link #handshake}).
 *
 * <p>Closing: a graceful close or half-close sends close_notify before the FIN; a reset (SO_LINGER 0) and a close
 * while the handshake or a write is still in progress skip close_notify, which the JDK could only send after that
 * write, and close the channel at once.
 */
final class TlsStreamIo implements StreamIo {
    private static final Logger LOG = LoggerFactory.getLogger(TlsStreamIo.class);

    private final SocketChannel channel;
    private final SSLSocket socket;
    private final boolean verify;
    /** The host connected to, for explanations; null on the server side. */
    private final String host;
    private final Duration handshakeTimeout;
    private final AtomicInteger writing = new AtomicInteger();
    private volatile boolean handshaken;
    private volatile boolean reset;
    private InputStream in;
    private OutputStream out;
    private final IdleGapReads reads;

    TlsStreamIo(SocketChannel channel, SSLSocket socket, boolean verify, String host, Duration handshakeTimeout) {
        this.channel = channel;
        this.socket = socket;
        this.verify = verify;
        this.host = host;
        this.handshakeTimeout = handshakeTimeout;
        this.reads = new IdleGapReads(socket, -1);
    }

    /** Runs the handshake on the calling thread; what was agreed on. */
    TlsSessionDetails handshake() throws IOException {
        TlsSockets.handshake(socket, handshakeTimeout);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        handshaken = true;
        return TlsSockets.details(socket, verify);
    }

    /** The host this client connected to; null on the server side. */
    String host() {
        return host;
    }

    /** Why the handshake (or a read after it) failed, with what this socket's handshake showed on the way. */
    String explain(Throwable failure) {
        return TlsFailures.explain(failure, host, socket);
    }

    /** Why the connection ended right after the handshake, when the handshake showed more; null otherwise. */
    String explainEarlyClose(Throwable failure) {
        return TlsFailures.explainEarlyClose(failure, host, socket);
    }

    /**
     * The certificates the peer presented before the handshake failed, one timeline line each; empty when it sent
     * none. A rejected chain is exactly the one a user wants to look at: to pin it, or to see why it was refused.
     */
    List<String> presentedChain(Throwable failure) {
        return TlsFailures.chainLines(TlsFailures.presentedChain(failure, socket), host != null, Instant.now());
    }


    @Override
    public int read(byte[] buffer, long idleGapMillis) throws IOException {
        return reads.read(in, buffer, idleGapMillis);
    }

    @Override
    public int write(ByteBuffer buffer) throws IOException {
        int length = buffer.remaining();
        writing.incrementAndGet();
        try {
            if (buffer.hasArray()) {
                out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
                buffer.position(buffer.limit());
            } else {
                byte[] copy = new byte[length];
                buffer.get(copy);
                out.write(copy);
            }
            out.flush();
        } finally {
            writing.decrementAndGet();
        }
        return length;
    }

    /** Sends close_notify, then shuts down output (FIN). */
    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public boolean prepareReset() throws IOException {
        reset = true;
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        return true;
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public void close() throws IOException {
        try {
            if (handshaken && !reset && writing.get() == 0 && !socket.isOutputShutdown()) {
                socket.close(); // close_notify, then the channel
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Sending close_notify failed", e);
        } finally {
            channel.close();
        }
    }
}
