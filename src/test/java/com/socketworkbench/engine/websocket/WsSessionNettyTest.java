package com.socketworkbench.engine.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.socketworkbench.engine.event.CloseReason;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A session against Netty's WebSocket server on loopback, plain and over TLS. */
@Timeout(60)
class WsSessionNettyTest {
    private NettyWsServer server;
    private WsSession session;
    private final Recorded events = new Recorded();

    @AfterEach
    void stop() {
        if (session != null) {
            session.abort();
        }
        if (server != null) {
            server.close();
        }
    }

    private void connect(String url, List<String> protocols) {
        session = WsSession.open(WsOptions.of(WsUrl.parse(url), List.of(), protocols, false), events);
        events.awaitOpen();
    }

    @Test
    void textAndBinaryEchoMaskedWithAFreshKeyEach() throws Exception {
        server = NettyWsServer.plain();
        connect(server.url(false), List.of("chat"));
        WsEvent.HandshakeReceived handshake = events.all(WsEvent.HandshakeReceived.class).getFirst();
        assertTrue(handshake.check().acceptMatches());
        assertEquals("chat", handshake.check().protocol());
        assertTrue(new String(handshake.raw(), StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 101"));

        session.sendText("hello, 世界", 0);
        session.sendText("again", 0);
        session.sendBinary(new byte[]{0, 1, 2, (byte) 0xff}, 0);
        events.awaitFrame(Direction.IN, f -> f.opcode() == Opcode.TEXT && Recorded.text(f).equals("hello, 世界"));
        WsEvent.Frame binary = events.awaitFrame(Direction.IN, f -> f.opcode() == Opcode.BINARY);
        assertEquals(List.of(0, 1, 2, 255), List.of(binary.frame().payload()[0] & 0xff,
                binary.frame().payload()[1] & 0xff, binary.frame().payload()[2] & 0xff,
                binary.frame().payload()[3] & 0xff));
        assertFalse(binary.frame().masked());

        List<WsFrame> sent = events.all(WsEvent.Frame.class).stream().filter(f -> f.direction() == Direction.OUT)
                .map(WsEvent.Frame::frame).toList();
        assertTrue(sent.stream().allMatch(WsFrame::masked));
        assertEquals(3, sent.stream().map(WsFrame::maskKey).distinct().count(), "a fresh key per frame");
        assertTrue(events.verdictCodes().isEmpty(), events.verdictCodes()::toString);
    }

    @Test
    void pingsArePongedBothWays() throws Exception {
        server = NettyWsServer.plain();
        connect(server.url(false), List.of());
        session.sendPing("are you there".getBytes(StandardCharsets.UTF_8));
        events.awaitFrame(Direction.IN, f -> f.opcode() == Opcode.PONG && Recorded.text(f).equals("are you there"));
        session.sendText("ping-me", 0);
        events.awaitFrame(Direction.IN, f -> f.opcode() == Opcode.PING && Recorded.text(f).equals("hi"));
        events.awaitFrame(Direction.OUT, f -> f.opcode() == Opcode.PONG && Recorded.text(f).equals("hi"));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> server.received().contains("pong hi"));
    }

    @Test
    void fragmentsGoAndComeBackAsOneMessage() throws Exception {
        server = NettyWsServer.plain();
        connect(server.url(false), List.of());
        session.sendText("abcdefghij", 4);
        events.await(WsEvent.Message.class, m -> m.direction() == Direction.OUT && m.message().frames() == 3);
        events.awaitFrame(Direction.IN, f -> f.opcode() == Opcode.TEXT && Recorded.text(f).equals("abcdefghij"));
        assertEquals(List.of("text fin=false abcd", "continuation fin=false efgh", "continuation fin=true ij"),
                server.received());

        session.sendText("fragment-me", 0);
        WsEvent.Message message = events.await(WsEvent.Message.class, m -> m.direction() == Direction.IN);
        assertEquals("fragment", new String(message.message().payload(), StandardCharsets.UTF_8));
        assertEquals(2, message.message().frames());
    }

    @Test
    void ourCloseIsAnsweredAndTheSessionEndsClean() throws Exception {
        server = NettyWsServer.plain();
        connect(server.url(false), List.of());
        session.close(1000, "done here");
        assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
        WsEvent.Frame answer = events.awaitFrame(Direction.IN, f -> f.opcode() == Opcode.CLOSE);
        assertEquals(1000, CloseInfo.of(answer.frame().payload()).code());
        WsEvent.Closed closed = events.all(WsEvent.Closed.class).getFirst();
        assertTrue(closed.clean(), closed.reason());
        assertEquals("Closed: we sent a close, the server answered with code 1000 \"done here\"", closed.reason());
        assertEquals(CloseReason.LOCAL_CLOSE, closed.how(), "we ended it");
        WsEvent.Opened opened = events.all(WsEvent.Opened.class).getFirst();
        assertEquals(new InetSocketAddress("127.0.0.1", server.port()), opened.remote(), "the socket's two ends");
        assertEquals(InetAddress.getByName("127.0.0.1"), ((InetSocketAddress) opened.local()).getAddress());
    }

    @Test
    void theServersCloseIsAnsweredWithItsCode() throws Exception {
        server = NettyWsServer.plain();
        connect(server.url(false), List.of());
        session.sendText("close-me", 0);
        assertTrue(session.awaitEnd(10, TimeUnit.SECONDS));
        WsEvent.Frame theirs = events.awaitFrame(Direction.IN, f -> f.opcode() == Opcode.CLOSE);
        assertEquals(new CloseInfo(4000, "server says bye"), CloseInfo.of(theirs.frame().payload()));
        WsEvent.Frame ours = events.awaitFrame(Direction.OUT, f -> f.opcode() == Opcode.CLOSE);
        assertEquals(4000, CloseInfo.of(ours.frame().payload()).code());
        WsEvent.Closed closed = events.all(WsEvent.Closed.class).getFirst();
        assertTrue(closed.clean());
        assertTrue(closed.reason().contains("4000"), closed.reason());
        assertEquals(CloseReason.PEER_CLOSED, closed.how(), "the server ended it");
    }

    @Test
    void wssWithTheCaTrustedVerifiesAndEchoes() throws Exception {
        TestCertificates certificates = TestCertificates.make();
        server = NettyWsServer.tls(certificates);
        session = WsSession.open(WsOptions.of(WsUrl.parse(server.url(true)), List.of(), List.of(), false)
                .withTrustStore(certificates.trustStore()), events);
        events.awaitOpen();
        WsEvent.TlsEstablished tls = events.all(WsEvent.TlsEstablished.class).getFirst();
        assertFalse(tls.info().insecure());
        assertEquals("CN=localhost", tls.info().chain().getFirst().subject());
        session.sendText("over TLS", 0);
        events.awaitFrame(Direction.IN, f -> Recorded.text(f).equals("over TLS"));
    }

    @Test
    void wssTrustsACaFileBesideThePlatformsAndNamesWhatIsWrongWithABadOne(@TempDir Path dir) throws Exception {
        TestCertificates certificates = TestCertificates.make();
        server = NettyWsServer.tls(certificates);
        session = WsSession.open(WsOptions.of(WsUrl.parse(server.url(true)), List.of(), List.of(), false)
                .withCaFile(certificates.caPem(dir)), events);
        events.awaitOpen();
        assertFalse(events.all(WsEvent.TlsEstablished.class).getFirst().info().insecure(), "verified, not insecure");
        session.abort();

        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a certificate");
        Recorded refused = new Recorded();
        WsSession.open(WsOptions.of(WsUrl.parse(server.url(true)), List.of(), List.of(), false).withCaFile(notes),
                refused);
        WsEvent.Failed failed = refused.await(WsEvent.Failed.class, f -> true);
        assertEquals("No certificate in " + notes + " (expected PEM or DER).", failed.reason());
        assertEquals(1, server.connections(), "a bad CA file fails before connecting");
    }

    @Test
    void wssWithAnUnknownIssuerFailsInPlainWordsAndInsecureConnects() throws Exception {
        server = NettyWsServer.tls(TestCertificates.make());
        session = WsSession.open(WsOptions.of(WsUrl.parse(server.url(true)), List.of(), List.of(), false), events);
        WsEvent.Failed failed = events.await(WsEvent.Failed.class, f -> true);
        assertTrue(failed.reason().startsWith("The certificate is not signed by a trusted authority"),
                failed.reason());
        assertTrue(events.all(WsEvent.HandshakeSent.class).isEmpty(), "no handshake over an untrusted connection");

        Recorded insecure = new Recorded();
        WsSession second = WsSession.open(WsOptions.of(WsUrl.parse(server.url(true)), List.of(), List.of(), true),
                insecure);
        try {
            insecure.awaitOpen();
            assertTrue(insecure.all(WsEvent.TlsEstablished.class).getFirst().info().insecure());
        } finally {
            second.abort();
        }
    }
}
