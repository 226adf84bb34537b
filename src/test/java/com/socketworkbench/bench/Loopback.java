package com.socketworkbench.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.SplittableRandom;

/** Loopback helpers shared by the parts: only 127.0.0.1 is ever used. */
final class Loopback {
    static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    private Loopback() {
    }

    /** A port free right now (for tools such as iperf3 that need one given to them). */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, ADDRESS)) {
            return probe.getLocalPort();
        }
    }

    static InetSocketAddress at(int port) {
        return new InetSocketAddress(ADDRESS, port);
    }

    /**
     * Writes a direct buffer of pseudo-random bytes over and over until {@code deadlineNanos} (checked between
     * writes of 256 KiB), then shuts the output down. Returns the bytes written.
     */
    static long blast(SocketChannel channel, long deadlineNanos) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(256 * 1024);
        byte[] random = new byte[block.capacity()];
        new SplittableRandom(42).nextBytes(random);
        block.put(random);
        long sent = 0;
        while (System.nanoTime() - deadlineNanos < 0) {
            block.clear();
            while (block.hasRemaining()) {
                sent += channel.write(block);
            }
        }
        channel.shutdownOutput();
        return sent;
    }
}
