package com.socketworkbench.engine.options;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ConnectionDetailsTest {

    @Test
    void describesBothEndsOfALoopbackTcpConnection() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(server.getLocalAddress());
             SocketChannel accepted = server.accept()) {
            ConnectionDetails details = ConnectionDetails.describe(client);
            int serverPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
            int clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
            assertEquals("IPv4", details.family());
            assertEquals("connection", details.role());
            List<ConnectionDetails.Row> rows = details.rows();
            assertEquals(new ConnectionDetails.Row("Address family", "IPv4 (AF_INET)"), rows.get(0));
            assertEquals(new ConnectionDetails.Row("Socket type", "stream (SOCK_STREAM, TCP)"), rows.get(1));
            assertEquals(new ConnectionDetails.Row("Local address (getsockname)", "127.0.0.1:" + clientPort),
                    rows.get(2));
            assertEquals(new ConnectionDetails.Row("Remote address (getpeername)", "127.0.0.1:" + serverPort),
                    rows.get(3));
            assertTrue(rows.get(4).value().contains("TCP_NODELAY"), rows.get(4).value());
            assertEquals("127.0.0.1:" + clientPort, ConnectionDetails.describe(accepted).rows().get(3).value(),
                    "the accepted side's peer is the client");

            ConnectionDetails listening = ConnectionDetails.describe(server);
            assertEquals("listening", listening.role());
            assertEquals("none: a listening socket only accepts connections", listening.rows().get(3).value());
            assertEquals("stream (SOCK_STREAM, TCP), listening", listening.type());
        }
    }

    @Test
    void describesAUnixDomainListener(@TempDir Path dir) throws IOException {
        Path socketFile = dir.resolve("workbench.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(socketFile))) {
            ConnectionDetails details = ConnectionDetails.describe(server);
            assertEquals("Unix", details.family());
            assertEquals("stream (SOCK_STREAM), listening", details.type());
            assertEquals(new ConnectionDetails.Row("Address family", "Unix domain (AF_UNIX)"), details.rows().get(0));
            assertEquals(socketFile.toString(), details.rows().get(2).value());
        }
    }

    @Test
    void describesIpv6AndDatagramAndClosedSockets() throws IOException {
        DatagramChannel udp = DatagramChannel.open(StandardProtocolFamily.INET6)
                .bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        try (udp) {
            ConnectionDetails details = ConnectionDetails.describe(udp);
            int port = ((InetSocketAddress) udp.getLocalAddress()).getPort();
            assertEquals("IPv6", details.family());
            assertEquals("datagram (SOCK_DGRAM, UDP)", details.type());
            assertEquals("[::1]:" + port, details.rows().get(2).value());
            assertEquals("not connected: datagrams can go to and come from any address",
                    details.rows().get(3).value());
        }
        ConnectionDetails closed = ConnectionDetails.describe(udp);
        assertEquals("closed", closed.role());
        assertEquals(List.of(), closed.options().values());
        assertEquals("not known until the socket is bound", closed.rows().getFirst().value());
    }
}
