package com.socketworkbench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** Plain JDK peers on 127.0.0.1, port 0, for the command line's tests: each answers one request, then stops. */
final class LoopbackPeers {
    private LoopbackPeers() {
    }

    /**
     * A TCP peer that reads {@code expected} bytes, answers {@code reply(received)} and closes (so the client need not
     * wait out its wait); a null reply keeps the connection open and silent until the client closes it.
     */
    static TcpPeer tcp(int expected, UnaryOperator<byte[]> reply) throws IOException {
        return new TcpPeer(expected, reply, false);
    }

    /** Like {@link #tcp} but the connection stays open after the reply, until the client closes it. */
    static TcpPeer tcpKeepingOpen(int expected, UnaryOperator<byte[]> reply) throws IOException {
        return new TcpPeer(expected, reply, true);
    }

    /** A UDP peer that answers the first datagram with {@code reply(datagram)}. */
    static UdpPeer udp(UnaryOperator<byte[]> reply) throws IOException {
        return new UdpPeer(reply);
    }

    /** A port nothing listens on (bound once, then released). */
    static int closedTcpPort() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return server.getLocalPort();
        }
    }

    static final class TcpPeer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;
        volatile byte[] received = new byte[0];

        private TcpPeer(int expected, UnaryOperator<byte[]> reply, boolean keepOpen) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = Thread.ofVirtual().name("tcp-peer").start(() -> {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(10_000);
                    InputStream in = socket.getInputStream();
                    byte[] got = in.readNBytes(expected);
                    received = got;
                    byte[] answer = reply.apply(got);
                    if (answer != null) {
                        socket.getOutputStream().write(answer);
                        socket.getOutputStream().flush();
                    }
                    if (answer == null || keepOpen) {
                        in.read();
                    }
                } catch (IOException done) {
                    // The client closed or the test ended.
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(10_000);
        }
    }

    static final class UdpPeer implements AutoCloseable {
        private final DatagramSocket socket;
        private final Thread thread;

        private UdpPeer(UnaryOperator<byte[]> reply) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(10_000);
            thread = Thread.ofVirtual().name("udp-peer").start(() -> {
                try {
                    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
                    socket.receive(packet);
                    byte[] got = Arrays.copyOf(packet.getData(), packet.getLength());
                    byte[] answer = reply.apply(got);
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                } catch (IOException done) {
                    // Closed by the test.
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(10_000);
        }
    }
}
