package com.socketworkbench.engine.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Loopback only: 127.0.0.1 and "localhost". */
@Timeout(15)
class PortCheckTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static PortCheck.Result check(String host, int port, Duration timeout) throws Exception {
        return PortCheck.check(host, port, timeout).get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
    }

    @Test
    void aListeningPortIsOpen() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            int port = server.getLocalPort();
            PortCheck.Result r = check("127.0.0.1", port, Duration.ofSeconds(2));
            assertEquals(PortCheck.Status.OPEN, r.status());
            assertEquals(new InetSocketAddress(LOOPBACK, port), r.address());
            assertTrue(r.message().startsWith("Port " + port + " on 127.0.0.1 is open (connected in "), r.message());

            PortCheck.Result byName = check("localhost", port, Duration.ofSeconds(2));
            assertEquals(PortCheck.Status.OPEN, byName.status());
            assertTrue(byName.message().contains("on localhost (127.0.0.1) is open"), byName.message());
        }
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK)) {
            port = server.getLocalPort();
        }
        PortCheck.Result r = check("127.0.0.1", port, Duration.ofSeconds(2));
        assertEquals(PortCheck.Status.REFUSED, r.status());
        assertEquals("Connection refused: nothing is listening on 127.0.0.1:" + port + " (the host answered with a"
                + " reset)", r.message());
    }

    @Test
    void aListenerWithAFullBacklogTimesOut() throws Exception {
        // Linux drops new SYNs while a listener's accept queue is full, so the handshake never completes.
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            List<Socket> fillers = new ArrayList<>();
            boolean full = false;
            try {
                for (int i = 0; i < 8 && !full; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(server.getLocalSocketAddress(), 300);
                        fillers.add(s);
                    } catch (SocketTimeoutException e) {
                        s.close();
                        full = true;
                    }
                }
                assumeTrue(full, "this system does not drop connections to a full backlog");
                PortCheck.Result r = check("127.0.0.1", server.getLocalPort(), Duration.ofMillis(300));
                assertEquals(PortCheck.Status.TIMED_OUT, r.status());
                assertEquals("No answer from 127.0.0.1:" + server.getLocalPort() + " within 300 ms: a firewall may"
                        + " be dropping the packets, or the host is down", r.message());
            } finally {
                for (Socket s : fillers) {
                    closeQuietly(s);
                }
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Closing a test filler socket cannot fail in a way that matters.
        }
    }

    @Test
    void unknownHostAndInvalidInput() throws Exception {
        PortCheck.Result unknown = check("nonexistent.invalid", 80, Duration.ofSeconds(1));
        assertEquals(PortCheck.Status.UNKNOWN_HOST, unknown.status());
        assertTrue(unknown.message().startsWith("'nonexistent.invalid' does not exist"), unknown.message());

        assertEquals(PortCheck.Status.INVALID_INPUT, check("127.0.0.1", 0, Duration.ofSeconds(1)).status());
        assertEquals("70000 is not a port you can connect to: use 1 to 65535",
                check("127.0.0.1", 70000, Duration.ofSeconds(1)).message());
    }
}
