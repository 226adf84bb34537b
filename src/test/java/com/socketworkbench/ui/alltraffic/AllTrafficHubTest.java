package com.socketworkbench.ui.alltraffic;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.ui.traffic.TestEvents;
import com.socketworkbench.ui.traffic.TimelineRow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hub without a toolkit: its timeline is plain list logic, the taps' counting is called from plain threads. */
@Timeout(60)
class AllTrafficHubTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static ListenerStarted started() {
        return new ListenerStarted(Instant.now(), 1, TestEvents.LOCAL, null, "TCP");
    }

    private static ListenerStopped stopped() {
        return new ListenerStopped(Instant.now(), 1, TestEvents.LOCAL, null, "stopped");
    }

    private static ConnectionAccepted accepted() {
        return new ConnectionAccepted(Instant.now(), 2, TestEvents.LOCAL, TestEvents.PEER);
    }

    /** Received bytes stamped {@code millis} after T0. */
    private static BytesReceived at(long millis, String text) {
        return new BytesReceived(T0.plusMillis(millis), 1, TestEvents.LOCAL, TestEvents.PEER,
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(TimelineRow row) {
        return new String(((BytesReceived) row.event()).data(), StandardCharsets.UTF_8);
    }

    private static List<NetEvent> batch(int from, int count, int bytes) {
        List<NetEvent> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new BytesReceived(T0.plusMillis(i), 1, TestEvents.LOCAL, TestEvents.PEER, new byte[bytes]));
        }
        return events;
    }

    @Test
    void batchesOfTwoSourcesMergeInTimeOrderNamedByTheirSource() {
        AllTrafficHub hub = new AllTrafficHub();
        hub.open(); // an All Traffic view is open
        hub.setShown(true);
        AtomicReference<String> serverName = new AtomicReference<>("TCP Server");
        AllTrafficHub.Tap server = hub.tap(serverName::get);
        AllTrafficHub.Tap udp = hub.tap(() -> "UDP");

        // One pulse: the server's pump drains first, the UDP tab's second, their events interleaved in time.
        server.take(List.of(at(1, "one"), at(3, "three")));
        udp.take(List.of(at(2, "two"), at(4, "four")));
        hub.drain();

        List<TimelineRow> rows = hub.timeline().rows();
        assertEquals(List.of("one", "two", "three", "four"), rows.stream().map(AllTrafficHubTest::text).toList());
        assertEquals(List.of("TCP Server", "UDP", "TCP Server", "UDP"), rows.stream().map(hub::sourceOf).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), rows.stream().map(TimelineRow::sequence).toList());

        serverName.set("Device A");
        hub.drain();
        server.take(List.of(at(5, "five")));
        hub.drain();
        assertEquals("Device A", hub.sourceOf(hub.timeline().rows().getLast()), "a renamed tab's new rows");
        assertEquals("TCP Server", hub.sourceOf(rows.getFirst()), "old rows keep the name they came with");
    }

    @Test
    void whileTheViewIsHiddenBatchesWaitAsTheyAreAndBecomeRowsWhenItIsShown() {
        AllTrafficHub hub = new AllTrafficHub(1_000);
        hub.open();
        AllTrafficHub.Tap udp = hub.tap(() -> "UDP");
        List<NetEvent> first = batch(0, 10, 8);
        udp.take(first);
        for (int pulse = 1; pulse < 5; pulse++) {
            udp.take(batch(pulse * 10, 10, 8));
            hub.drain(); // a watched tab's table update: the hidden view makes no rows
        }
        assertEquals(50, hub.pendingEvents(), "five pulses of 10 kept, no row made");
        assertEquals(400, hub.pendingBytes());

        hub.setShown(true);
        assertEquals(0, hub.pendingEvents());
        List<TimelineRow> rows = hub.timeline().rows();
        assertEquals(50, rows.size(), "every event a row once shown");
        assertSame(first.getFirst(), rows.getFirst().event(), "the events themselves, not copies");
    }

    @Test
    void whatWaitsStaysWithinTheTimelinesCapAndTheNewestBecomeRows() {
        int cap = 100;
        AllTrafficHub hub = new AllTrafficHub(cap);
        hub.open();
        AllTrafficHub.Tap flood = hub.tap(() -> "flood");
        List<NetEvent> last = List.of();
        for (int pulse = 0; pulse < 50; pulse++) {
            last = batch(pulse * 30, 30, 16);
            flood.take(last);
            assertTrue(hub.pendingEvents() < cap + 30, "at most the cap and one batch wait: " + hub.pendingEvents());
        }

        hub.setShown(true);
        List<TimelineRow> rows = hub.timeline().rows();
        assertEquals(cap, rows.size());
        assertSame(last.getLast(), rows.getLast().event(), "the newest event is the last row");
        assertEquals(1_500, rows.getLast().sequence(), "rows are numbered by event, the ones let go counted");
        assertEquals(1_500 - cap, hub.timeline().trimmed(), "events let go count as trimmed");
    }

    @Test
    void largePayloadsAreBoundedByTheTimelinesBytesToo() {
        AllTrafficHub hub = new AllTrafficHub(1_000);
        hub.open();
        AllTrafficHub.Tap big = hub.tap(() -> "big");
        long budget = hub.timeline().byteBudget();
        int size = (int) (budget / 8);
        for (int i = 0; i < 40; i++) {
            big.take(batch(i, 1, size));
        }
        assertTrue(hub.pendingBytes() <= budget + size, "waiting bytes " + hub.pendingBytes());
        hub.setShown(true);
        assertTrue(hub.timeline().rows().size() <= 8, "rows within the byte budget: " + hub.timeline().rows().size());
    }

    @Test
    void theWatchedSocketsAreCountedFromOpensAndClosesPerSource() {
        AllTrafficHub hub = new AllTrafficHub();
        hub.open(); // an All Traffic view is open
        AllTrafficHub.Tap server = hub.tap(() -> "server");
        AllTrafficHub.Tap udp = hub.tap(() -> "udp");

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
    void socketsOpenedOnSeveralThreadsAtOnceAreCountedExactly() throws InterruptedException {
        AllTrafficHub hub = new AllTrafficHub();
        int threads = 4;
        int perThread = 5_000;
        List<Thread> openers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            AllTrafficHub.Tap tap = hub.tap(() -> "flood");
            openers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    tap.emit(accepted());
                    tap.emit(TestEvents.received(new byte[16]));
                }
            }));
        }
        for (Thread opener : openers) {
            opener.join();
        }
        hub.drain();
        assertEquals(threads * perThread, hub.watchedSocketsProperty().get());
    }

    @Test
    void withNoViewOpenEventsAreCountedButNeitherKeptNorShown() {
        AllTrafficHub hub = new AllTrafficHub();
        AllTrafficHub.Tap server = hub.tap(() -> "server");
        server.emit(started());
        server.take(List.of(started(), TestEvents.received("not for anybody")));
        assertEquals(0, hub.pendingEvents(), "the tab is closed: nothing is kept for it");
        hub.drain();
        assertEquals(0, hub.timeline().rows().size());
        assertEquals(1, hub.watchedSocketsProperty().get(), "the socket count still holds");

        hub.open();
        server.take(List.of(TestEvents.received("seen")));
        assertEquals(1, hub.pendingEvents());
        hub.close();
        assertEquals(0, hub.pendingEvents(), "closing the view lets go of what waited");
        assertEquals(0, hub.pendingBytes());
    }
}
