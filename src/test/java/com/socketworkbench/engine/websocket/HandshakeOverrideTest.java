package com.socketworkbench.engine.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed Host or Sec-WebSocket-Version replaces the handshake's own (virtual hosts, a server's 426); the headers
 * that carry the upgrade itself stay refused. A raw loopback server reads what actually came.
 */
@Timeout(60)
class HandshakeOverrideTest {

    @Test
    void aTypedHostReplacesTheAutomaticOneAndIsSentOnce() throws Exception {
        try (HeadServer server = new HeadServer()) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(WsOptions.of(WsUrl.parse(server.url()),
                    WsHeader.parseLines("host: tenant.example:8080\nOrigin: http://tenant.example"), List.of(),
                    false), events);
            events.awaitOpen();
            List<String> lines = server.request().get(10, TimeUnit.SECONDS);
            assertEquals(List.of("host: tenant.example:8080"), named(lines, "host"));
            assertEquals(List.of("Sec-WebSocket-Version: 13"), named(lines, "sec-websocket-version"));
            assertEquals(1, named(lines, "origin").size());
            // The typed Host takes the automatic one's place: right after the request line.
            assertEquals("host: tenant.example:8080", lines.get(1));
            session.abort();
        }
    }

    @Test
    void aTypedVersionReplaces13AndTheServersRefusalIsShown() throws Exception {
        try (HeadServer server = new HeadServer()) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(WsOptions.of(WsUrl.parse(server.url()),
                    WsHeader.parseLines("Sec-WebSocket-Version: 8"), List.of(), false), events);
            assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
            List<String> lines = server.request().get(10, TimeUnit.SECONDS);
            assertEquals(List.of("Sec-WebSocket-Version: 8"), named(lines, "sec-websocket-version"));
            assertEquals(List.of("Host: 127.0.0.1:" + server.port()), named(lines, "host"));
            WsEvent.HandshakeReceived received = events.await(WsEvent.HandshakeReceived.class, r -> true);
            assertEquals(426, received.check().status());
            assertTrue(new String(received.raw(), StandardCharsets.ISO_8859_1).contains("Sec-WebSocket-Version: 13"));
            assertTrue(events.all(WsEvent.Opened.class).isEmpty());
        }
    }

    @Test
    void theHeadersThatCarryTheUpgradeStayRefused() {
        for (String line : List.of("Upgrade: h2c", "Connection: close", "Sec-WebSocket-Key: abc")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> WsHeader.parseLines(line));
            assertTrue(refused.getMessage().contains("would break the upgrade"), refused::getMessage);
        }
        assertTrue(WsHeader.overridesDefault("HOST"));
        assertTrue(WsHeader.overridesDefault("sec-websocket-version"));
        assertEquals(2, WsHeader.parseLines("Host: a\nSec-WebSocket-Version: 8").size());
    }

    private static List<String> named(List<String> lines, String name) {
        return lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":")).toList();
    }

    /** Reads one request head; answers 101 to version 13 and 426 with the version it speaks to any other. */
    private static final class HeadServer implements AutoCloseable {
        private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key: (\\S+)$");
        private static final Pattern VERSION = Pattern.compile("(?im)^Sec-WebSocket-Version: (\\S+)$");
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CompletableFuture<List<String>> request = new CompletableFuture<>();

        HeadServer() throws IOException {
            Thread.ofVirtual().name("head-server").start(this::serve);
        }

        private void serve() {
            try (Socket socket = server.accept()) {
                String head = readHead(socket.getInputStream());
                request.complete(new ArrayList<>(List.of(head.split("\r\n"))));
                Matcher version = VERSION.matcher(head);
                Matcher key = KEY.matcher(head);
                String answer = version.find() && version.group(1).equals("13") && key.find()
                        ? new String(RawWsServer.goodHead(key.group(1)), StandardCharsets.ISO_8859_1)
                        : "HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n";
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                // Holds the connection until the client is done with it.
                socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                request.completeExceptionally(e);
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] sofar = head.toByteArray();
                int n = sofar.length;
                if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r'
                        && sofar[n - 1] == '\n') {
                    break;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        CompletableFuture<List<String>> request() {
            return request;
        }

        int port() {
            return server.getLocalPort();
        }

        String url() {
            return "ws://127.0.0.1:" + port() + "/override";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
