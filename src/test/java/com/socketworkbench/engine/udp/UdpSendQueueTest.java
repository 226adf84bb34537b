package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The send queue of a UDP endpoint is bounded by sends and by bytes (issue 11): while the send thread is held (a
 * {@link SendThreadGate}), sends queue up to {@link UdpLimits#SEND_QUEUE_DATAGRAMS} or
 * {@link UdpLimits#SEND_QUEUE_BYTES}; one more is refused at once with a LIMIT_EXCEEDED Failure, and the queued ones
 * still go out. The peer is a plain JDK socket on loopback that never reads.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpSendQueueTest {
    private final RecordingSink events = new RecordingSink();
    private final SendThreadGate gate = new SendThreadGate(events);
    private DatagramSocket peer;
    private UdpEndpoint endpoint;
    private int port;

    @BeforeEach
    void holdTheSendThread() throws Exception {
        peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        port = peer.getLocalPort();
        endpoint = new UdpEndpoint(UdpConfig.of("127.0.0.1", 0), gate);
        endpoint.start();
        gate.holdSendThreadOf(endpoint, port);
    }

    @AfterEach
    void close() {
        gate.open();
        endpoint.close();
        peer.close();
    }

    @Test
    void aSendPastTheQueuedCountIsRefusedWithAFailureAndTheQueuedOnesStillGoOut() throws Exception {
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int i = 0; i < UdpLimits.SEND_QUEUE_DATAGRAMS; i++) {
            queued.add(endpoint.send("127.0.0.1", port, new byte[10]));
        }
        CompletableFuture<Void> refused = endpoint.send("127.0.0.1", port, new byte[10]);
        assertTrue(refused.isCompletedExceptionally(), "refused at once, not queued");
        Failure full = failureOf(refused);
        assertEquals(FailureKind.LIMIT_EXCEEDED, full.kind());
        assertEquals(Operation.SEND, full.operation());
        assertEquals("Not sent: 10 bytes to 127.0.0.1 port " + port + ": the send queue is full (16,384 sends with "
                + "163,840 bytes are waiting; it holds at most 16,384 sends or 16,777,216 bytes). Wait until the "
                + "earlier ones have gone out", full.message());
        Failure connect = failureOf(endpoint.connect("127.0.0.1", port));
        assertEquals(Operation.CONNECT, connect.operation());
        assertTrue(connect.message().startsWith("Not connected to 127.0.0.1 port " + port + ": the send queue is "
                + "full"), connect.message());
        assertEquals(List.of(full, connect), events.all(Failure.class), "each refusal is one Failure event");

        gate.open();
        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(1 + UdpLimits.SEND_QUEUE_DATAGRAMS, endpoint.datagramsOut(), "every queued send went out");
        endpoint.send("127.0.0.1", port, new byte[10]).get(5, TimeUnit.SECONDS);
        assertEquals(2, events.all(Failure.class).size(), "the emptied queue takes sends again");
    }

    @Test
    void theQueuedBytesAreBoundedExactly() throws Exception {
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        int largest = UdpLimits.MAX_IPV4_PAYLOAD;
        long fitting = UdpLimits.SEND_QUEUE_BYTES / largest;
        for (int i = 0; i < fitting; i++) {
            queued.add(endpoint.send("127.0.0.1", port, new byte[largest]));
        }
        int rest = (int) (UdpLimits.SEND_QUEUE_BYTES - fitting * largest);
        queued.add(endpoint.send("127.0.0.1", port, new byte[rest]));
        assertTrue(queued.stream().noneMatch(CompletableFuture::isDone), "exactly 16 MiB fit in the queue");

        Failure full = failureOf(endpoint.send("127.0.0.1", port, new byte[2]));
        assertEquals(FailureKind.LIMIT_EXCEEDED, full.kind());
        assertTrue(full.message().startsWith("Not sent: 2 bytes to 127.0.0.1 port " + port + ": the send queue is "
                + "full (" + (fitting + 1) + " sends with 16,777,216 bytes are waiting"), full.message());

        gate.open();
        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(1 + fitting + 1, endpoint.datagramsOut());
        assertEquals(List.of(full), events.all(Failure.class));
    }

    @Test
    void aPayloadNoDatagramCanCarryTakesNoRoomInTheQueue() throws Exception {
        byte[] huge = new byte[(int) UdpLimits.SEND_QUEUE_BYTES + 1];
        CompletableFuture<Void> tooLarge = endpoint.send("127.0.0.1", port, huge);
        CompletableFuture<Void> fits = endpoint.send("127.0.0.1", port, new byte[UdpLimits.MAX_IPV4_PAYLOAD]);
        assertFalse(fits.isDone(), "queued: the oversized payload was not counted against the queue's bytes");

        gate.open();
        Failure refused = failureOf(tooLarge);
        assertEquals(FailureKind.LIMIT_EXCEEDED, refused.kind());
        assertTrue(refused.message().startsWith("Not sent: 16,777,217 bytes is more than one UDP datagram to an IPv4 "
                + "address can carry"), refused.message());
        fits.get(5, TimeUnit.SECONDS);
    }

    @Test
    void stopSaysHowManyQueuedSendsWereNotMade() {
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queued.add(endpoint.send("127.0.0.1", port, new byte[]{(byte) i}));
        }
        endpoint.stop();

        assertTrue(queued.stream().allMatch(CompletableFuture::isCancelled), "cancelled by the stop, no Failure");
        assertEquals(List.of(), events.all(Failure.class));
        Notice notice = events.awaitFirst(Notice.class, n -> n.message().contains("queued"));
        assertEquals("3 queued sends were not made: the UDP endpoint stopped before they went out", notice.message());
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.liveThreads().isEmpty());
    }

    private static Failure failureOf(CompletableFuture<?> future) {
        CompletionException thrown = assertThrows(CompletionException.class, future::join);
        return assertInstanceOf(SocketErrorException.class, thrown.getCause()).failure();
    }
}
