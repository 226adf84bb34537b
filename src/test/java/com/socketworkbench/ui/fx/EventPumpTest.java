package com.socketworkbench.ui.fx;

import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.traffic.TestEvents;
import com.socketworkbench.ui.traffic.TimelineModel;
import com.socketworkbench.ui.traffic.TimelineRow;

import com.socketworkbench.engine.event.NetEvent;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pump and the cap as pure list logic: no stage, no FX thread, {@link EventPump#pumpOnce()} called directly. */
class EventPumpTest {

    @Test
    void aFloodIsCappedWhileCountersStayExact() {
        TimelineModel timeline = new TimelineModel(50_000);
        EventPump pump = new EventPump(timeline);
        for (int i = 0; i < 120_000; i++) {
            pump.emit(i % 3 == 0 ? TestEvents.sent(new byte[]{1, 2}) : TestEvents.received(new byte[]{(byte) i}));
        }

        assertEquals(50_000, pump.pumpOnce());
        assertEquals(50_000, pump.pumpOnce());
        assertEquals(20_000, pump.pumpOnce());
        assertEquals(0, pump.pumpOnce());

        assertEquals(50_000, timeline.rows().size());
        assertEquals(70_000, timeline.trimmed());
        assertEquals(80_000, pump.counters().messagesIn());
        assertEquals(80_000, pump.counters().bytesIn());
        assertEquals(40_000, pump.counters().messagesOut());
        assertEquals(80_000, pump.counters().bytesOut());
        // The newest rows are kept, in order.
        assertEquals(70_001, timeline.rows().getFirst().sequence());
        assertEquals(120_000, timeline.rows().getLast().sequence());
    }

    @Test
    void aSingleBatchLargerThanTheCapAddsOnlyItsTail() {
        TimelineModel timeline = new TimelineModel(50_000);
        EventPump pump = new EventPump(timeline, 200_000);
        pump.emit(TestEvents.received("before"));
        pump.pumpOnce();
        for (int i = 0; i < 120_000; i++) {
            pump.emit(TestEvents.received(new byte[]{7}));
        }

        assertEquals(120_000, pump.pumpOnce());

        assertEquals(50_000, timeline.rows().size());
        assertEquals(70_001, timeline.trimmed(), "the older row plus the batch's 70,000 oldest");
        assertEquals(120_001, pump.counters().messagesIn());
        assertEquals(120_001, timeline.rows().getLast().sequence());
    }

    @Test
    void eachPulseChangesTheListOnceWithOneRemoveAndOneAdd() {
        TimelineModel timeline = new TimelineModel(1_000);
        List<String> changes = new ArrayList<>();
        int[] notifications = {0};
        timeline.rows().addListener((ListChangeListener<TimelineRow>) change -> {
            notifications[0]++;
            while (change.next()) {
                changes.add((change.wasRemoved() ? "-" + change.getRemovedSize() : "")
                        + (change.wasAdded() ? "+" + change.getAddedSize() : ""));
            }
        });
        EventPump pump = new EventPump(timeline);
        for (int i = 0; i < 800; i++) {
            pump.emit(TestEvents.received("a"));
        }
        pump.pumpOnce();
        for (int i = 0; i < 700; i++) {
            pump.emit(TestEvents.received("b"));
        }
        pump.pumpOnce();

        assertEquals(List.of("+800", "-500", "+700"), changes);
        assertEquals(2, notifications[0], "one list change per pulse");
        assertEquals(500, timeline.trimmed());
    }

    @Test
    void duringAFloodRowsReachTheTimelineAtMostOncePerIntervalWhileCountersKeepUp() {
        TimelineModel timeline = new TimelineModel(1_000);
        int[] changes = {0};
        timeline.rows().addListener((ListChangeListener<TimelineRow>) change -> changes[0]++);
        EventPump pump = new EventPump(timeline, 1_000, Duration.ofMillis(100));
        long pulse = Duration.ofMillis(16).toNanos();
        long now = 1_000_000_000L;

        pump.emit(TestEvents.received("first after a quiet pulse"));
        pump.pulse(now);
        assertEquals(1, timeline.rows().size(), "a lone event shows at once");

        for (int i = 1; i <= 5; i++) {
            pump.emit(TestEvents.received("flood " + i));
            pump.pulse(now + i * pulse);
            assertEquals(1 + i, pump.counters().messagesIn(), "counted in its own pulse");
        }
        assertEquals(1, timeline.rows().size(), "held back: every pulse brought events within 100 ms");
        assertEquals(false, pump.isIdle(), "rows wait to be shown");

        pump.emit(TestEvents.received("flood 6"));
        pump.pulse(now + 7 * pulse);
        assertEquals(7, timeline.rows().size(), "100 ms after the last update everything drained is shown");
        assertEquals(2, changes[0]);

        pump.emit(TestEvents.received("flood 7"));
        pump.pulse(now + 8 * pulse);
        assertEquals(7, timeline.rows().size());
        pump.pulse(now + 9 * pulse);
        assertEquals(8, timeline.rows().size(), "the first pulse without events shows what was held");
        assertTrue(pump.isIdle());
        assertEquals(3, changes[0]);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L),
                timeline.rows().stream().map(TimelineRow::sequence).toList());
    }

    @Test
    void aTableUpdateThatMadeItsFrameLateDelaysTheNextOneFortyfoldUpToTwoSeconds() {
        TimelineModel timeline = new TimelineModel(1_000);
        EventPump pump = new EventPump(timeline, 1_000, Duration.ofMillis(200));
        long ms = 1_000_000L;
        long now = 1_000 * ms;
        pump.emit(TestEvents.received("first"));
        pump.pulse(now);
        assertEquals(1, timeline.rows().size());

        // The update's frame lasted 40 ms: the flood's next update waits 1,600 ms instead of 200.
        now += 40 * ms;
        pump.emit(TestEvents.received("flood"));
        pump.pulse(now);
        assertEquals(Duration.ofMillis(1_600), pump.currentPublishInterval());
        long updated = now - 40 * ms;
        for (long t = now + 16 * ms; t < updated + 1_600 * ms; t += 16 * ms) {
            pump.emit(TestEvents.received("flood"));
            pump.pulse(t);
            assertEquals(1, timeline.rows().size(), "held at " + (t - updated) / ms + " ms");
        }
        pump.emit(TestEvents.received("flood"));
        pump.pulse(updated + 1_601 * ms);
        assertEquals(true, timeline.rows().size() > 1, "shown 1,600 ms after the slow update");

        // That update took one frame: back to 200 ms.
        pump.emit(TestEvents.received("flood"));
        pump.pulse(updated + 1_617 * ms);
        assertEquals(Duration.ofMillis(200), pump.currentPublishInterval());

        // However slow, at most two seconds.
        pump.emit(TestEvents.received("flood"));
        pump.pulse(updated + 1_817 * ms);
        int shownBefore = timeline.rows().size();
        pump.emit(TestEvents.received("flood"));
        pump.pulse(updated + 2_317 * ms);
        assertEquals(Duration.ofSeconds(2), pump.currentPublishInterval());
        assertEquals(shownBefore, timeline.rows().size(), "the 500 ms frame's rows are held");
    }

    @Test
    void aPulseAfterTheTimerSleptDoesNotCountAsASlowUpdate() {
        TimelineModel timeline = new TimelineModel(1_000);
        EventPump pump = new EventPump(timeline, 1_000, Duration.ofMillis(200));
        long ms = 1_000_000L;
        pump.emit(TestEvents.received("a"));
        pump.timerPulse(1_000 * ms);
        assertTrue(pump.isIdle(), "shown at once, nothing left: the timer sleeps");
        pump.emit(TestEvents.received("b"));
        pump.timerPulse(9_000 * ms);
        assertEquals(Duration.ofMillis(200), pump.currentPublishInterval(), "8 s asleep is no slow update");
    }

    @Test
    void heldRowsStayWithinTheTimelinesLimitsAndTheRestCountsAsTrimmed() {
        TimelineModel timeline = new TimelineModel(100, 1_000);
        EventPump pump = new EventPump(timeline, 10_000, Duration.ofSeconds(10));
        pump.emit(TestEvents.received("start"));
        pump.pulse(1_000);
        for (int i = 0; i < 50; i++) {
            pump.emit(TestEvents.received(new byte[100]));
        }
        pump.pulse(2_000);
        for (int i = 0; i < 300; i++) {
            pump.emit(TestEvents.received(new byte[0]));
        }
        pump.pulse(3_000);

        assertEquals(1, timeline.rows().size(), "still held");
        assertEquals(0, timeline.trimmed(), "counted with the table update, not every pulse");
        pump.pulse(4_000);
        assertEquals(100, timeline.rows().size());
        assertEquals(50 + 200 + 1, timeline.trimmed(),
                "all 100 B rows and the oldest empty ones never show; the first row is trimmed when the 100 came");
        assertEquals(351, pump.counters().messagesIn());
        assertEquals(351, timeline.rows().getLast().sequence());
    }

    @Test
    void rowsShownListenersRunAfterEachTableUpdateOnly() {
        TimelineModel timeline = new TimelineModel(100);
        EventPump pump = new EventPump(timeline, 100, Duration.ofMillis(100));
        List<Integer> shown = new ArrayList<>();
        var subscription = pump.onRowsShown(() -> shown.add(timeline.rows().size()));
        long ms = 1_000_000L;
        pump.pulse(1_000 * ms);
        assertEquals(List.of(), shown, "nothing drained, nothing shown");

        pump.emit(TestEvents.received("a"));
        pump.pulse(1_016 * ms);
        pump.emit(TestEvents.received("b"));
        pump.pulse(1_032 * ms);
        assertEquals(List.of(1), shown, "once, after the first row reached the table; the held row did not");
        pump.pulse(1_048 * ms);
        assertEquals(List.of(1, 2), shown);

        subscription.unsubscribe();
        pump.emit(TestEvents.received("c"));
        pump.pumpOnce();
        assertEquals(List.of(1, 2), shown);
    }

    @Test
    void stoppingThePumpShowsTheRowsItHeld() {
        TimelineModel timeline = new TimelineModel(100);
        EventPump pump = new EventPump(timeline, 100, Duration.ofSeconds(10));
        pump.emit(TestEvents.received("a"));
        pump.pulse(1_000);
        pump.emit(TestEvents.received("b"));
        pump.pulse(2_000);
        assertEquals(1, timeline.rows().size());

        pump.stop();

        assertEquals(2, timeline.rows().size());
        assertTrue(pump.isIdle());
    }

    @Test
    void payloadBytesAreCappedToo() {
        TimelineModel timeline = new TimelineModel(50_000, 1_000);
        EventPump pump = new EventPump(timeline);
        for (int i = 0; i < 30; i++) {
            pump.emit(TestEvents.received(new byte[100]));
        }
        pump.emit(TestEvents.closed());
        pump.pumpOnce();
        assertEquals(11, timeline.rows().size(), "ten payloads of 100 B fit, plus the close without payload");
        assertEquals(20, timeline.trimmed());
        assertEquals(1_000, timeline.retainedBytes());

        pump.emit(TestEvents.received(new byte[250]));
        pump.pumpOnce();
        assertEquals(9, timeline.rows().size(), "three old rows make room for 250 B");
        assertEquals(950, timeline.retainedBytes());

        pump.emit(TestEvents.received(new byte[5_000]));
        pump.pumpOnce();
        assertEquals(1, timeline.rows().size(), "a payload larger than the budget is still shown, alone");
        assertEquals(5_000, timeline.retainedBytes());
        assertEquals(32, pump.counters().messagesIn());
    }

    @Test
    void aPulseDrainsAtMostItsBoundAndTheRestWaits() {
        TimelineModel timeline = new TimelineModel();
        EventPump pump = new EventPump(timeline, 10);
        for (int i = 0; i < 25; i++) {
            pump.emit(TestEvents.received("x"));
        }
        assertEquals(10, pump.pumpOnce());
        assertEquals(10, timeline.rows().size());
        assertTrue(!pump.isIdle());
        assertEquals(10, pump.pumpOnce());
        assertEquals(5, pump.pumpOnce());
        assertTrue(pump.isIdle());
    }

    @Test
    void pulseListenersSeeEveryBatchEvenAnEmptyOne() {
        EventPump pump = new EventPump(new TimelineModel());
        List<Integer> sizes = new ArrayList<>();
        var subscription = pump.onPulse(batch -> sizes.add(batch.size()));
        pump.emit(TestEvents.failure("boom"));
        pump.emit(TestEvents.closed());
        pump.pumpOnce();
        pump.pumpOnce();
        subscription.unsubscribe();
        pump.emit(TestEvents.closed());
        pump.pumpOnce();

        assertEquals(List.of(2, 0), sizes);
    }

    @Test
    void rowsCarryTheTimeSinceThePreviousEvent() {
        TimelineModel timeline = new TimelineModel();
        EventPump pump = new EventPump(timeline);
        Instant start = Instant.parse("2025-01-01T10:00:00Z");
        pump.emit(new com.socketworkbench.engine.event.BytesReceived(start, 1, null, null, new byte[1]));
        pump.emit(new com.socketworkbench.engine.event.BytesReceived(start.plusNanos(12_345_000), 1, null, null,
                new byte[1]));
        pump.pumpOnce();

        assertEquals(-1, timeline.rows().get(0).deltaNanos());
        assertEquals(12_345_000, timeline.rows().get(1).deltaNanos());
        assertEquals("+12.3 ms", Formats.delta(timeline.rows().get(1).deltaNanos()));
    }

    @Test
    void eventsAfterDisposeAreDropped() {
        TimelineModel timeline = new TimelineModel();
        EventPump pump = new EventPump(timeline);
        pump.dispose();
        NetEvent event = TestEvents.received("late");
        pump.emit(event);
        assertEquals(0, pump.pumpOnce());
        assertEquals(0, timeline.rows().size());
    }

    @Test
    void clearEmptiesTheTimelineAndResetsTheTrimmedCount() {
        TimelineModel timeline = new TimelineModel(2);
        EventPump pump = new EventPump(timeline);
        for (int i = 0; i < 5; i++) {
            pump.emit(TestEvents.received("x"));
        }
        pump.pumpOnce();
        assertEquals(3, timeline.trimmed());
        timeline.clear();
        assertEquals(0, timeline.rows().size());
        assertEquals(0, timeline.trimmed());
        assertEquals(5, pump.counters().messagesIn(), "counters are not part of the timeline");
    }
}
