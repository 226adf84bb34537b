package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.CloseReason;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.framing.DelimiterPreset;
import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FramingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.engine.tcp.TcpFixture.ascii;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Oversized frames under both policies, and the bytes of an incomplete frame, on loopback with JDK peers. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpOversizeAndPendingTest {

    @RegisterExtension
    final TcpFixture tcp = new TcpFixture();
    private final RecordingSink sink = tcp.sink();

    private TcpServer server(FramingSpec framing, OversizePolicy policy) throws Exception {
        return tcp.server(server -> {
            server.setFramerFactory(framing::create);
            server.setOversizePolicy(policy);
        });
    }

    private static byte[] lengthPrefixed(byte[] body) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(body.length >> 8);
        frame.write(body.length & 0xff);
        frame.writeBytes(body);
        return frame.toByteArray();
    }

    private List<String> framesOf(long id) {
        return sink.of(BytesReceived.class, id).stream()
                .map(r -> new String(r.data(), StandardCharsets.ISO_8859_1)).toList();
    }

    @Test
    void discardSkipsAnOversizedLengthPrefixedFrameAndTheFollowingFramesStillArrive() throws Exception {
        TcpServer server = server(new FramingSpec.LengthPrefixed(2, Endianness.BIG, false, 0, 16),
                OversizePolicy.DISCARD);
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        OutputStream out = peer.getOutputStream();
        byte[] huge = lengthPrefixed(new byte[100]);
        // Good frame, then the oversized one split across two writes with a good frame glued to its end.
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        first.writeBytes(lengthPrefixed(ascii("abc")));
        first.write(huge, 0, 40);
        out.write(first.toByteArray());
        out.flush();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        second.write(huge, 40, huge.length - 40);
        second.writeBytes(lengthPrefixed(ascii("ok")));
        out.write(second.toByteArray());
        out.flush();
        await().atMost(RecordingSink.WAIT).until(() -> framesOf(id).size() == 2);
        out.write(lengthPrefixed(ascii("z")));
        await().atMost(RecordingSink.WAIT).until(() -> framesOf(id).size() == 3);

        assertEquals(List.of("\0\3abc", "\0\2ok", "\0\1z"), framesOf(id));
        Failure failure = sink.of(Failure.class, id).getFirst();
        assertEquals(FailureKind.LIMIT_EXCEEDED, failure.kind());
        assertEquals("Frame of 102 bytes exceeds the maximum of 16 bytes: discarded, resynchronising",
                failure.message());
        assertEquals(1, sink.of(Failure.class, id).size());
        assertTrue(sink.of(ConnectionClosed.class, id).isEmpty(), "DISCARD keeps the connection open");
        assertEquals(1, server.connectionCount());
    }

    @Test
    void discardSkipsAnOverlongLineUpToItsDelimiterAndResynchronises() throws Exception {
        TcpServer server = server(new FramingSpec.Delimited(DelimiterPreset.LF.bytes(), false, 8),
                OversizePolicy.DISCARD);
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        // Two oversized lines in one read: each is reported and skipped, the good lines around them arrive.
        peer.getOutputStream().write(ascii("ok1\n" + "x".repeat(20) + "\nok2\n" + "y".repeat(30) + "\nok3\n"));
        await().atMost(RecordingSink.WAIT).until(() -> framesOf(id).size() == 3);
        peer.getOutputStream().write(ascii("ok4\n"));
        await().atMost(RecordingSink.WAIT).until(() -> framesOf(id).size() == 4);

        assertEquals(List.of("ok1", "ok2", "ok3", "ok4"), framesOf(id));
        List<Failure> failures = sink.of(Failure.class, id);
        assertEquals(2, failures.size());
        assertTrue(failures.stream().allMatch(f -> f.kind() == FailureKind.LIMIT_EXCEEDED && f.message().equals(
                "Frame of more than 8 bytes exceeds the maximum of 8 bytes: discarded, resynchronising")),
                failures::toString);
        assertTrue(sink.of(ConnectionClosed.class, id).isEmpty());
    }

    @Test
    void dropConnectionIsTheDefaultAndClosesOnAnOversizedFrame() throws Exception {
        TcpServer server = tcp.track(new TcpServer(new TcpServerConfig("127.0.0.1", 0), sink));
        assertEquals(OversizePolicy.DROP_CONNECTION, server.oversizePolicy());
        FramingSpec framing = new FramingSpec.LengthPrefixed(2, Endianness.BIG, false, 0, 16);
        server.setFramerFactory(framing::create);
        server.start();
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        peer.getOutputStream().write(lengthPrefixed(new byte[100]));

        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.ERROR, closed.reason());
        Failure failure = sink.of(Failure.class, id).getFirst();
        assertEquals(FailureKind.LIMIT_EXCEEDED, failure.kind());
        assertTrue(failure.message().endsWith("the connection was closed"), failure.message());
        assertEquals(-1, peer.getInputStream().read(), "the peer sees the connection end");
        assertTrue(sink.of(Notice.class, id).stream().noneMatch(n -> n.message().contains("pending")),
                "an oversized frame is reported as such, not as an incomplete one");
    }

    @Test
    void pendingBytesOfAnIncompleteFrameAreVisibleAndReportedWhenThePeerCloses() throws Exception {
        TcpServer server = server(new FramingSpec.LengthPrefixed(2, Endianness.BIG, false, 0, 1000),
                OversizePolicy.DROP_CONNECTION);
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        OutputStream out = peer.getOutputStream();
        out.write(new byte[]{0, 11, 'h', 'e', 'l'});
        await().atMost(RecordingSink.WAIT).until(() -> server.connections().getFirst().pendingBytes() == 5);
        assertArrayEquals(new byte[]{0, 11, 'h', 'e', 'l'}, server.pending(id));

        // The rest of the frame and the start of the next one: a complete frame, 3 bytes pending again.
        out.write(ascii("lo world\0\5A"));
        await().atMost(RecordingSink.WAIT).until(() -> framesOf(id).size() == 1);
        await().atMost(RecordingSink.WAIT).until(() -> server.connections().getFirst().pendingBytes() == 3);
        assertEquals("\0\13hello world", framesOf(id).getFirst());
        assertArrayEquals(new byte[]{0, 5, 'A'}, server.pending(id));

        peer.shutdownOutput();
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals(CloseReason.PEER_CLOSED, closed.reason());
        List<NetEvent> events = sink.all().stream().filter(e -> e.connectionId() == id).toList();
        Notice notice = sink.of(Notice.class, id).stream()
                .filter(n -> n.message().contains("pending")).findFirst().orElseThrow();
        assertEquals("3 bytes pending (incomplete frame) at close", notice.message());
        assertTrue(events.indexOf(notice) < events.indexOf(closed), "the notice comes before ConnectionClosed");
        assertEquals(0, server.pending(id).length, "an ended connection has nothing pending");
    }

    @Test
    void rawReadsNeverHoldPendingBytes() throws Exception {
        TcpServer server = server(FramingSpec.RAW, OversizePolicy.DROP_CONNECTION);
        Socket peer = tcp.peer(server);
        long id = tcp.idOf(peer);
        peer.getOutputStream().write(ascii("abc"));
        await().atMost(RecordingSink.WAIT).until(() -> sink.receivedCount(id) == 3);
        assertEquals(0, server.connections().getFirst().pendingBytes());
        server.close(id, CloseMode.GRACEFUL);
        sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertTrue(sink.of(Notice.class, id).stream().noneMatch(n -> n.message().contains("pending")));
    }

    @Test
    void aClientShowsPendingBytesDiscardsOversizedFramesAndReportsPendingBytesAtAnAbort() throws Exception {
        ServerSocket listener = tcp.listener();
        TcpClient client = tcp.client(listener);
        FramingSpec framing = new FramingSpec.Delimited(DelimiterPreset.LF.bytes(), false, 8);
        client.setFramerFactory(framing::create);
        client.setOversizePolicy(OversizePolicy.DISCARD);
        Socket peer = tcp.connect(client, listener);
        long id = client.id();

        peer.getOutputStream().write(ascii("a\n" + "z".repeat(50) + "\nb\nhal"));
        await().atMost(RecordingSink.WAIT).until(() -> client.pendingBytes() == 3);
        assertEquals(List.of("a", "b"), framesOf(id));
        assertArrayEquals(ascii("hal"), client.pending());
        assertEquals(1, sink.of(Failure.class, id).size());

        client.close(CloseMode.ABORT);
        ConnectionClosed closed = sink.awaitFirst(ConnectionClosed.class, c -> c.connectionId() == id);
        assertEquals("RST sent (abort: SO_LINGER 0)", closed.detail());
        assertTrue(sink.of(Notice.class, id).stream()
                .anyMatch(n -> n.message().equals("3 bytes pending (incomplete frame) at close")));
    }
}
