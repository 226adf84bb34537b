package com.socketworkbench.engine.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Connect, TLS and the handshake response share one deadline: a server that sends its head one byte every 200 ms
 * never lets a read time out, yet the attempt ends once the deadline passes, saying so in plain words.
 */
@Timeout(30)
class HandshakeDeadlineTest {

    @Test
    void aTricklingHeadEndsAtTheDeadlineNotAfterTheWholeHead() throws Exception {
        try (RawWsServer server = RawWsServer.trickle(200)) {
            Recorded events = new Recorded();
            long start = System.nanoTime();
            WsSession session = WsSession.open(options(server.url(), Duration.ofMillis(1500)), events);
            assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // The good head is ~130 bytes: 26 s at this pace. Each read alone would never time out.
            assertTrue(took >= 1400 && took < 4000, "ended after " + took + " ms");
            assertTrue(events.all(WsEvent.Opened.class).isEmpty());
            String reason = events.all(WsEvent.Failed.class).getFirst().reason();
            assertTrue(reason.contains("did not finish within 1.5 s"),
                    reason);
            assertTrue(reason.contains("bytes of the server's response had come"), reason);
            assertEquals(WsSession.State.CLOSED, session.state());
        }
    }

    @Test
    void aServerThatNeverAnswersIsToldApartFromATrickle() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket accepted = silent.accept()) {
                    Thread.sleep(5000);
                } catch (Exception e) {
                    // the test is over
                }
            });
            Recorded events = new Recorded();
            WsSession session = WsSession.open(options("ws://127.0.0.1:" + silent.getLocalPort() + "/",
                    Duration.ofMillis(500)), events);
            assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
            String reason = events.all(WsEvent.Failed.class).getFirst().reason();
            assertTrue(reason.contains("had not answered the handshake request"), reason);
        }
    }

    @Test
    void aQuickServerIsNotCutByTheDeadlineAfterwards() throws Exception {
        try (RawWsServer server = RawWsServer.frames(new byte[0])) {
            Recorded events = new Recorded();
            WsSession session = WsSession.open(options(server.url(), Duration.ofMillis(400)), events);
            events.awaitOpen();
            Thread.sleep(800);
            assertEquals(WsSession.State.OPEN, session.state(), "the deadline ends with the handshake");
            session.abort();
        }
    }

    private static WsOptions options(String url, Duration deadline) {
        return WsOptions.of(WsUrl.parse(url), List.of(), List.of(), false).withTimeout(deadline);
    }
}
