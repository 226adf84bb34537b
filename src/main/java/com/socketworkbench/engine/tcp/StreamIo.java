package com.socketworkbench.engine.tcp;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The blocking reads and writes of one connection's channel. TCP and Unix domain channels need different means to
 * read with a timeout (idle-gap framing): TCP has the socket adaptor's SO_TIMEOUT, a Unix channel has no adaptor.
 * One reader thread calls {@link #read}, one writer thread calls {@link #write} and {@link #shutdownOutput}.
 */
sealed interface StreamIo permits InetStreamIo, UnixStreamIo, TlsStreamIo {
    /** What {@link #read} returns when the idle gap passed without bytes. */
    int IDLE = -2;

    /** The I/O for a connected channel: Unix domain or TCP by its address family. */
    static StreamIo of(SocketChannel channel) throws IOException {
        return channel.getLocalAddress() instanceof UnixDomainSocketAddress ? new UnixStreamIo(channel)
                : new InetStreamIo(channel);
    }

    /**
     * Blocks until bytes arrive (returns their count), the stream ends (-1), or — when {@code idleGapMillis} is
     * above 0 — that long passes without bytes ({@link #IDLE}).
     */
    int read(byte[] buffer, long idleGapMillis) throws IOException;

    /** Blocks until at least one byte of {@code buffer} is written; returns how many were. */
    int write(ByteBuffer buffer) throws IOException;

    void shutdownOutput() throws IOException;

    /**
     * Makes the close that follows send a reset (TCP: SO_LINGER 0). Returns false for a Unix domain socket, which
     * has no reset: it will be closed normally.
     */
    boolean prepareReset() throws IOException;

    /** The channel, for socket options and addresses only: reads and writes go through this interface. */
    SocketChannel channel();

    /** Closes the channel; wakes a reader or writer blocked in it, which then fail with a closed-channel error. */
    void close() throws IOException;
}
