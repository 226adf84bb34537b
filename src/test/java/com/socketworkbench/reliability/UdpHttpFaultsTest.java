package com.socketworkbench.reliability;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.HttpExchanger;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.http.ScriptedServer;
import com.socketworkbench.engine.http.VerdictCodes;
import com.socketworkbench.engine.net.SocketErrorException;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults around a UdpEndpoint and an HttpExchanger: each ends in a clear message, and the same object then completes
 * a normal exchange.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpHttpFaultsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final byte[] GET = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1);

    private final RecordingSink sink = new RecordingSink();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    // ---------------------------------------------------------------- UDP

    /** The endpoint sends to a live JDK socket, which answers; both datagrams arrive intact. */
    private void assertUdpRoundTrip(UdpEndpoint endpoint, String text) throws Exception {
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            peer.setSoTimeout(5_000);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            endpoint.send("127.0.0.1", peer.getLocalPort(), bytes).get(5, TimeUnit.SECONDS);
            DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
            peer.receive(packet);
            assertArrayEquals(bytes, Arrays.copyOf(packet.getData(), packet.getLength()));
            peer.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
            sink.awaitFirst(BytesReceived.class, r -> Arrays.equals(bytes, r.data()));
        }
    }

    @Test
    void udpPortInUseIsExplainedAndTheSameEndpointBindsOnceItIsFree() throws Exception {
        UdpEndpoint endpoint;
        int port;
        try (DatagramSocket blocker = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            port = blocker.getLocalPort();
            endpoint = closeLater(new UdpEndpoint(UdpConfig.of("127.0.0.1", port), sink));
            SocketErrorException e = assertThrows(SocketErrorException.class, endpoint::start);
            assertEquals(FailureKind.PORT_IN_USE, e.failure().kind());
            assertEquals("UDP port " + port + " on 127.0.0.1 is already in use by another program; to bind it too, "
                    + "turn on Reuse address (SO_REUSEADDR) here and on the socket holding it", e.failure().message());
            assertFalse(endpoint.isRunning());
        }
        assertEquals(port, endpoint.start().getPort());
        assertUdpRoundTrip(endpoint, "bound after all");
    }

    @Test
    void udpToAClosedPortIsReportedAsRefusedAndTheEndpointCarriesOn() throws Exception {
        UdpEndpoint endpoint = closeLater(new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), sink));
        endpoint.start();
        int closedPort;
        try (DatagramSocket gone = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            closedPort = gone.getLocalPort();
        }
        endpoint.connect("127.0.0.1", closedPort).get(5, TimeUnit.SECONDS);
        endpoint.send("127.0.0.1", closedPort, new byte[]{1}).get(5, TimeUnit.SECONDS);
        Failure refused = sink.awaitFirst(Failure.class);
        assertEquals(FailureKind.CONNECTION_REFUSED, refused.kind());
        assertEquals("ICMP port unreachable: nothing is listening on 127.0.0.1:" + closedPort
                + " (reported for the previous datagram)", refused.message());

        endpoint.disconnect();
        assertUdpRoundTrip(endpoint, "after the ICMP error");
    }

    @Test
    void udpToAnUnknownHostIsExplainedAndTheEndpointCarriesOn() throws Exception {
        UdpEndpoint endpoint = closeLater(new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), sink));
        endpoint.start();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> endpoint.send("nonexistent.invalid", 9, new byte[]{1}).get(10, TimeUnit.SECONDS));
        Failure failure = assertInstanceOf(SocketErrorException.class, e.getCause()).failure();
        assertEquals(FailureKind.UNKNOWN_HOST, failure.kind());
        assertEquals("Cannot resolve host 'nonexistent.invalid' to an address", failure.message());

        assertUdpRoundTrip(endpoint, "resolved fine");
        endpoint.stop();
        assertTrue(EngineThreadProbe.liveThreads(endpoint).isEmpty(),
                () -> "threads left: " + EngineThreadProbe.names(EngineThreadProbe.liveThreads(endpoint)));
    }

    // ---------------------------------------------------------------- HTTP

    private static HttpExchange send(HttpExchanger exchanger, HttpTarget target, RequestOptions options)
            throws Exception {
        return exchanger.send(target, PreparedRequest.ofExactBytes(GET), options, null).get(20, TimeUnit.SECONDS);
    }

    /** The same exchanger then completes a normal exchange with a well-behaved server. */
    private void assertStillWorks(HttpExchanger exchanger) throws Exception {
        ScriptedServer good = closeLater(new ScriptedServer(r -> ScriptedServer.Reply.of(OK, ScriptedServer.After.CLOSE)));
        try (HttpExchange exchange = send(exchanger, good.target(), RequestOptions.DEFAULTS)) {
            assertTrue(exchange.succeeded(), () -> exchange.failure().orElse(""));
            assertEquals(200, exchange.response().orElseThrow().statusCode());
            assertTrue(exchange.response().orElseThrow().verdicts().isEmpty());
        }
        assertFalse(exchanger.isBusy());
    }

    @Test
    void httpRefusedIsExplainedAndTheSameExchangerWorksAfterwards() throws Exception {
        HttpExchanger exchanger = closeLater(new HttpExchanger());
        int port = freeTcpPort();
        try (HttpExchange exchange = send(exchanger, new HttpTarget("http", "127.0.0.1", port),
                RequestOptions.DEFAULTS)) {
            assertEquals("Connection refused: nothing is listening on 127.0.0.1:" + port,
                    exchange.failure().orElseThrow());
            assertTrue(exchange.response().isEmpty());
        }
        assertStillWorks(exchanger);
    }

    @Test
    void httpUnknownHostIsExplainedAndTheSameExchangerWorksAfterwards() throws Exception {
        HttpExchanger exchanger = closeLater(new HttpExchanger());
        try (HttpExchange exchange = send(exchanger, new HttpTarget("http", "nonexistent.invalid", 80),
                RequestOptions.DEFAULTS)) {
            assertEquals("Cannot resolve the host name \"nonexistent.invalid\" (DNS lookup failed)",
                    exchange.failure().orElseThrow());
        }
        assertStillWorks(exchanger);
    }

    @Test
    void httpConnectTimeoutIsExplainedAndTheSameExchangerWorksAfterwards() throws Exception {
        HttpExchanger exchanger = closeLater(new HttpExchanger());
        try (ServerSocket full = new ServerSocket(0, 1, LOOPBACK)) {
            InetSocketAddress address = new InetSocketAddress(LOOPBACK, full.getLocalPort());
            boolean queueFull = false;
            for (int i = 0; i < 10 && !queueFull; i++) {
                Socket filler = new Socket();
                try {
                    filler.connect(address, 300);
                    closeLater(filler);
                } catch (SocketTimeoutException e) {
                    filler.close();
                    queueFull = true;
                }
            }
            assumeTrue(queueFull, "this kernel keeps answering a full listener, so no connect times out here");
            try (HttpExchange exchange = send(exchanger, new HttpTarget("http", "127.0.0.1", full.getLocalPort()),
                    RequestOptions.DEFAULTS.withConnectTimeout(Duration.ofMillis(400)))) {
                assertEquals("No answer from 127.0.0.1:" + full.getLocalPort() + " within 400 ms (connect timeout)",
                        exchange.failure().orElseThrow());
            }
        }
        assertStillWorks(exchanger);
    }

    @Test
    void aResponseCutByAResetKeepsItsBytesAndSaysSo() throws Exception {
        byte[] partial = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly the start"
                .getBytes(StandardCharsets.ISO_8859_1);
        ScriptedServer resetting = closeLater(new ScriptedServer(
                r -> ScriptedServer.Reply.of(partial, ScriptedServer.After.RESET)));
        HttpExchanger exchanger = closeLater(new HttpExchanger());
        try (HttpExchange exchange = send(exchanger, resetting.target(), RequestOptions.DEFAULTS)) {
            ParsedResponse response = exchange.response().orElseThrow();
            assertFalse(response.complete());
            assertEquals(200, response.statusCode());
            String failure = exchange.failure().orElseThrow();
            // The reset may arrive before or after the bytes were read; either way nothing is invented.
            assertTrue(failure.matches("The server reset the connection after \\d+ bytes of the response"), failure);
            assertTrue(response.verdict(VerdictCodes.CONNECTION_RESET).isPresent(), response.verdicts()::toString);
            byte[] raw = exchange.rawBytes().readAll(Integer.MAX_VALUE);
            assertArrayEquals(Arrays.copyOf(partial, raw.length), raw, "what arrived is a prefix of what was sent");
        }
        assertStillWorks(exchanger);
    }

    @Test
    void aServerThatClosesWithoutAnAnswerOrNeverAnswersIsExplained() throws Exception {
        HttpExchanger exchanger = closeLater(new HttpExchanger());
        ScriptedServer silentClose = closeLater(new ScriptedServer(
                r -> ScriptedServer.Reply.of(new byte[0], ScriptedServer.After.CLOSE)));
        try (HttpExchange exchange = send(exchanger, silentClose.target(), RequestOptions.DEFAULTS)) {
            ParsedResponse response = exchange.response().orElseThrow();
            assertEquals("The server closed the connection without sending anything",
                    response.verdict(VerdictCodes.EMPTY_RESPONSE).orElseThrow().message());
        }

        ScriptedServer mute = closeLater(new ScriptedServer(
                r -> ScriptedServer.Reply.of(new byte[0], ScriptedServer.After.HOLD)));
        try (HttpExchange exchange = send(exchanger, mute.target(),
                RequestOptions.DEFAULTS.withReadTimeout(Duration.ofMillis(300)))) {
            assertEquals("The server accepted the request but sent nothing within 300 ms (read timeout)",
                    exchange.failure().orElseThrow());
            assertTrue(exchange.response().orElseThrow().verdict(VerdictCodes.READ_TIMEOUT).isPresent());
        }
        assertStillWorks(exchanger);
        await().atMost(RecordingSink.WAIT).until(() -> !exchanger.isBusy());
    }
}
