package com.socketworkbench.ui.alltraffic;

import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.ui.traffic.TestEvents;
import com.socketworkbench.ui.traffic.TimelineRow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub without a toolkit: its timeline is plain list logic, the taps are called from plain threads. */
@Timeout(60)
class AllTrafficHubTest {

    private static ListenerStarted started() {
        return new ListenerStarted(Instant.now(), 1, TestEvents.LOCAL, null, "TCP");
    }

    private static ListenerStopped stopped() {
        return new ListenerStopped(Instant.now(), 1, TestEvents.LOCAL, null, "stopped");
    }

    private static ConnectionAccepted accepted() {
        return new ConnectionAccepted(Instant.now(), 2, TestEvents.LOCAL, TestEvents.PEER);
    }

    @Test
    void eventsOfTwoSourcesMergeInArrivalOrderNamedByTheirSource() {
        AllTrafficHub hub = new AllTrafficHub();
        hub.open(); // an All Traffic view is open
        AtomicReference<String> serverName = new AtomicReference<>("TCP Server");
        EventSink server = hub.tap(serverName::get);
        EventSink udp = hub.tap(() -> "UDP");

        server.emit(TestEvents.received("one"));
        udp.emit(TestEvents.sent(new byte[] {1, 2}));
        server.emit(TestEvents.received("three"));
        assertEquals(0, hub.timeline().rows().size(), "nothing shows before the FX thread drains");
        hub.drain();

        List<TimelineRow> rows = hub.timeline().rows();
        assertEquals(List.of("TCP Server", "UDP", "TCP Server"), rows.stream().map(hub::sourceOf).toList());
        assertEquals(List.of(1L, 2L, 3L), rows.stream().map(TimelineRow::sequence).toList());

        serverName.set("Device A");
        hub.drain();
        server.emit(TestEvents.received("four"));
        hub.drain();
        assertEquals("Device A", hub.sourceOf(hub.timeline().rows().getLast()), "a renamed tab's new rows");
        assertEquals("TCP Server", hub.sourceOf(rows.getFirst()), "old rows keep the name they came with");
        assertEquals(0, hub.droppedProperty().get());
    }

    @Test
    void eachPulseEmptiesTheQueueIntoHeldRowsThatTheNextTableUpdateShows() {
        AllTrafficHub hub = new AllTrafficHub(1_000, 10, 64L * 1024);
        hub.open();
        EventSink udp = hub.tap(() -> "UDP");
        for (int pulse = 0; pulse < 5; pulse++) {
            for (int i = 0; i < 10; i++) {
                udp.emit(TestEvents.received("datagram"));
            }
            hub.collect();
            assertEquals(0, hub.queued(), "the queue is free again after every pulse");
        }
        assertEquals(0, hub.timeline().rows().size(), "held until a table update");
        hub.drain();
        assertEquals(50, hub.timeline().rows().size(), "five pulses of a queue of 10: nothing dropped");
        assertEquals(0, hub.droppedProperty().get());
    }

    @Test
    void theWatchedSocketsAreCountedFromOpensAndClosesPerSource() {
        AllTrafficHub hub = new AllTrafficHub();
        hub.open(); // an All Traffic view is open
        EventSink server = hub.tap(() -> "server");
        EventSink udp = hub.tap(() -> "udp");

        server.emit(started());
        server.emit(accepted());
        udp.emit(started());
        hub.drain();
        assertEquals(3, hub.watchedSocketsProperty().get());

        server.emit(TestEvents.closed());
        hub.drain();
        assertEquals(2, hub.watchedSocketsProperty().get());

        udp.emit(stopped());
        udp.emit(stopped());
        hub.drain();
        assertEquals(1, hub.watchedSocketsProperty().get(), "a second stop never takes the server's socket away");

        server.emit(stopped());
        hub.drain();
        assertEquals(0, hub.watchedSocketsProperty().get());
    }

    @Test
    void aFloodFromSeveralThreadsStaysWithinTheQueueAndCountsWhatItDropped() throws InterruptedException {
        int capacity = 1_000;
        AllTrafficHub hub = new AllTrafficHub(500, capacity, 64L * 1024);
        hub.open(); // an All Traffic view is open
        int threads = 4;
        int perThread = 20_000;
        AtomicInteger mostQueued = new AtomicInteger();
        List<Thread> flooders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            EventSink tap = hub.tap(() -> "flood");
            flooders.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    tap.emit(TestEvents.received(new byte[16]));
                    mostQueued.accumulateAndGet(hub.queued(), Math::max);
                }
            }));
        }
        for (Thread flooder : flooders) {
            flooder.join();
        }
        assertTrue(mostQueued.get() <= capacity, "at most " + mostQueued.get() + " queued at once");
        assertTrue(hub.queuedBytes() <= hub.queueByteBudget(), "queued bytes " + hub.queuedBytes());
        hub.drain();
        assertEquals(0, hub.queued());
        assertEquals(0, hub.queuedBytes());
        long kept = hub.timeline().rows().size() + hub.timeline().trimmed();
        assertEquals((long) threads * perThread, kept + hub.droppedProperty().get(), "every event kept or counted");
        assertTrue(hub.droppedProperty().get() > 0, "the flood overflowed the queue");
        assertTrue(hub.timeline().rows().size() <= 500, "the timeline keeps its cap");
    }

    @Test
    void largePayloadsAreBoundedByBytesToo() {
        AllTrafficHub hub = new AllTrafficHub(1_000, 1_000, 100_000);
        hub.open(); // an All Traffic view is open
        EventSink tap = hub.tap(() -> "big");
        for (int i = 0; i < 50; i++) {
            tap.emit(TestEvents.received(new byte[10_000]));
        }
        assertEquals(10, hub.queued(), "ten 10 kB events fit in 100 kB");
        hub.drain();
        assertEquals(40, hub.droppedProperty().get());
        assertEquals(10, hub.timeline().rows().size());
    }

    @Test
    void withNoViewOpenEventsAreCountedButNeitherQueuedNorShown() {
        AllTrafficHub hub = new AllTrafficHub();
        EventSink server = hub.tap(() -> "server");
        server.emit(started());
        server.emit(TestEvents.received("not for anybody"));
        assertEquals(0, hub.queued(), "the tab is closed: nothing is kept for it");
        hub.drain();
        assertEquals(0, hub.timeline().rows().size());
        assertEquals(1, hub.watchedSocketsProperty().get(), "the socket count still holds");

        hub.open();
        server.emit(TestEvents.received("seen"));
        assertEquals(1, hub.queued());
        hub.close();
        assertEquals(0, hub.queued(), "closing the view lets go of what waited");
        assertEquals(0, hub.queuedBytes());
    }
}
