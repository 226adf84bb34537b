package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import com.socketworkbench.engine.tls.GeneratedCertificate;
import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsServerSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Framing, idle gaps, split send, close modes and socket options over TLS: our client with our server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpTlsStreamTest {
    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();
    @TempDir
    Path dir;
    private TcpServer server;
    private GeneratedCertificate serverCertificate;
    private TcpClient client;

    @BeforeEach
    void connectOverTls() throws Exception {
        GeneratedCertificate generated = GeneratedCertificate.generate();
        serverCertificate = generated;
        Path trusted = dir.resolve("generated.pem");
        Files.writeString(trusted, generated.certificatePem());
        server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0)
                .withTls(TlsServerSettings.generated(generated)), sink));
        server.start();
        client = tcp.track(new TcpClient(new TcpClientConfig("localhost", server.localAddress().getPort())
                .withTls(TlsClientSettings.defaults().withExtraCaFile(trusted)), sink));
    }

    private long connect() throws Exception {
        client.connect().get(10, TimeUnit.SECONDS);
        assertTrue(sink.awaitFirst(TlsEstablished.class, e -> e.connectionId() == client.id()).details().verified());
        return serverSideId();
    }

    /** The server's id for the client's connection: its TlsEstablished presents the generated certificate. */
    private long serverSideId() {
        return sink.awaitFirst(TlsEstablished.class, e -> !e.details().localChain().isEmpty()
                && e.details().peerChain().isEmpty()).connectionId();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private List<String> framesOn(long serverId) {
        return sink.of(BytesReceived.class, serverId).stream()
                .filter(r -> !r.incomplete() && r.local() != null
                        && r.local().equals(server.localAddress()))
                .map(r -> new String(r.data(), StandardCharsets.US_ASCII)).toList();
    }

    @Test
    void delimitedFramingSplitsOneTlsRecordIntoFrames() throws Exception {
        server.setFramerFactory(new FramingSpec.Delimited(ascii("\n"), false, 1024)::create);
        long id = connect();
        client.send(ascii("a\nbb\nccc\n")).get(10, TimeUnit.SECONDS);
        await().atMost(RecordingSink.WAIT).until(() -> framesOn(id).size() == 3);
        assertEquals(List.of("a", "bb", "ccc"), framesOn(id));
    }

    @Test
    void idleGapFramingEndsFramesOnSilenceAndTheTlsStreamSurvivesTheTimedReads() throws Exception {
        server.setFramerFactory(new FramingSpec.IdleGap(150)::create);
        long id = connect();
        client.send(ascii("one")).get(10, TimeUnit.SECONDS);
        await().atMost(RecordingSink.WAIT).until(() -> framesOn(id).equals(List.of("one")));
        client.send(ascii("two")).get(10, TimeUnit.SECONDS);
        await().atMost(RecordingSink.WAIT).until(() -> framesOn(id).equals(List.of("one", "two")));
    }

    @Test
    void anIdleGapInTheMiddleOfATlsRecordLosesNothing() throws Exception {
        server.setFramerFactory(new FramingSpec.IdleGap(100)::create);
        // A JDK TLS client behind a forwarder that holds back the second half of every chunk for 400 ms: the
        // server's timed read ends inside a TLS record, and the record must still decrypt whole afterwards.
        java.net.ServerSocket front = tcp.listener();
        Thread.ofVirtual().start(() -> {
            try (java.net.Socket in = front.accept(); java.net.Socket out = new java.net.Socket(TcpFixture.LOOPBACK,
                    server.localAddress().getPort())) {
                Thread.ofVirtual().start(() -> {
                    try {
                        out.getInputStream().transferTo(in.getOutputStream());
                    } catch (java.io.IOException ignored) {
                        // ends with the test
                    }
                });
                byte[] buffer = new byte[16384];
                for (int n = in.getInputStream().read(buffer); n > 0; n = in.getInputStream().read(buffer)) {
                    int half = n / 2;
                    out.getOutputStream().write(buffer, 0, half);
                    out.getOutputStream().flush();
                    if (n > 100) {
                        Thread.sleep(400); // the stall under test, between two halves of one record
                    }
                    out.getOutputStream().write(buffer, half, n - half);
                    out.getOutputStream().flush();
                }
            } catch (Exception ignored) {
                // ends with the test
            }
        });
        javax.net.ssl.SSLSocket peer = tcp.track((javax.net.ssl.SSLSocket) TcpTlsTest.jdkTrusting(
                serverCertificate).getSocketFactory().createSocket(TcpFixture.LOOPBACK, front.getLocalPort()));
        peer.setSoTimeout(10_000);
        peer.startHandshake();
        long id = serverSideId();
        byte[] message = new byte[300];
        java.util.Arrays.fill(message, (byte) 'x');
        peer.getOutputStream().write(message);
        peer.getOutputStream().flush();
        await().atMost(RecordingSink.WAIT).until(() -> String.join("", framesOn(id)).length() == 300);
    }

    @Test
    void splitSendWritesEachSegmentAsItsOwnTlsWrite() throws Exception {
        long id = connect();
        client.send(ascii("abcdef"), SendPlan.segmented(2, Duration.ofMillis(20))).get(10, TimeUnit.SECONDS);
        List<BytesSent> sent = sink.of(BytesSent.class, client.id()).stream()
                .filter(s -> s.local().equals(client.localAddress())).toList();
        assertEquals(List.of("ab", "cd", "ef"), sent.stream()
                .map(s -> new String(s.data(), StandardCharsets.US_ASCII)).toList());
        await().atMost(RecordingSink.WAIT).until(() -> String.join("", framesOn(id)).equals("abcdef"));
    }

    @Test
    void halfCloseWritesWhatIsQueuedThenCloseNotifyAndFin() throws Exception {
        long id = connect();
        client.send(ascii("last words"));
        client.close(CloseMode.HALF_CLOSE);
        Notice shut = sink.awaitFirst(Notice.class, n -> n.message().contains("close_notify sent"));
        assertEquals(client.id(), shut.connectionId());
        ConnectionClosed onServer = sink.awaitFirst(ConnectionClosed.class,
                c -> c.connectionId() == id && c.reason() == CloseReason.PEER_CLOSED);
        assertEquals(List.of("last words"), framesOn(onServer.connectionId()));
    }

    @Test
    void abortSendsARstWithoutCloseNotify() throws Exception {
        long id = connect();
        client.close(CloseMode.ABORT);
        ConnectionClosed local = sink.awaitFirst(ConnectionClosed.class, c -> c.reason() == CloseReason.LOCAL_CLOSE);
        assertTrue(local.detail().contains("without close_notify"), local.detail());
        ConnectionClosed remote = sink.awaitFirst(ConnectionClosed.class, c -> c.reason() == CloseReason.RESET);
        assertEquals(id, remote.connectionId());
    }

    @Test
    void gracefulCloseFromTheClientIsAPeerCloseOnTheServer() throws Exception {
        long id = connect();
        client.disconnect();
        ConnectionClosed local = sink.awaitFirst(ConnectionClosed.class, c -> c.reason() == CloseReason.LOCAL_CLOSE);
        assertTrue(local.detail().contains("close_notify and FIN"), local.detail());
        ConnectionClosed remote = sink.awaitFirst(ConnectionClosed.class, c -> c.reason() == CloseReason.PEER_CLOSED);
        assertEquals(id, remote.connectionId());
    }

    @Test
    void socketOptionsApplyToTheTlsConnection() throws Exception {
        client.setSocketOptions(new SocketOptionsSpec(null, null, true, null, null, null, null,
                Duration.ofSeconds(2), null, null, null, null));
        connect();
        assertTrue(client.effectiveOptions().toString().contains("SO_KEEPALIVE"), client.effectiveOptions()
                .toString());
        ConnectionClosed timedOut = sink.awaitFirst(ConnectionClosed.class, c -> c.reason() == CloseReason.TIMEOUT);
        assertEquals(client.id(), timedOut.connectionId());
    }
}
