package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.NetEvent;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline as the one owner of held rows and of both limits, without a pump. */
class TimelineModelHoldTest {
    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");

    private static NetEvent receivedAt(long millis, int size) {
        return new BytesReceived(START.plusMillis(millis), 1, TestEvents.LOCAL, TestEvents.PEER, new byte[size]);
    }

    @Test
    void heldRowsReachTheListOnlyWhenShownInOneChange() {
        TimelineModel timeline = new TimelineModel(10);
        List<String> changes = new ArrayList<>();
        timeline.rows().addListener((ListChangeListener<TimelineRow>) change -> {
            while (change.next()) {
                changes.add((change.wasRemoved() ? "-" + change.getRemovedSize() : "")
                        + (change.wasAdded() ? "+" + change.getAddedSize() : ""));
            }
        });

        timeline.hold(List.of(receivedAt(0, 1), receivedAt(5, 1)));
        timeline.hold(List.of(receivedAt(7, 1)));
        assertTrue(timeline.isHolding());
        assertEquals(0, timeline.rows().size(), "held, not shown");

        assertTrue(timeline.show());
        assertFalse(timeline.isHolding());
        assertFalse(timeline.show(), "nothing more to show");
        assertEquals(List.of("+3"), changes);
        assertEquals(List.of(1L, 2L, 3L), timeline.rows().stream().map(TimelineRow::sequence).toList());
        assertEquals(List.of(-1L, 5_000_000L, 2_000_000L),
                timeline.rows().stream().map(TimelineRow::deltaNanos).toList());
    }

    @Test
    void aBatchLargerThanTheCapBecomesRowsOnlyForItsNewestEvents() {
        TimelineModel timeline = new TimelineModel(3);
        timeline.hold(List.of(receivedAt(0, 1), receivedAt(1, 1), receivedAt(3, 1), receivedAt(6, 1),
                receivedAt(10, 1)));
        timeline.show();

        assertEquals(List.of(3L, 4L, 5L), timeline.rows().stream().map(TimelineRow::sequence).toList(),
                "numbered as events, kept the newest");
        assertEquals(2_000_000L, timeline.rows().getFirst().deltaNanos(), "timed against the event before it");
        assertEquals(2, timeline.trimmed());
    }

    @Test
    void heldRowsReplacingEveryShownRowLeaveTheBudgetAndTheCountsExact() {
        TimelineModel timeline = new TimelineModel(4, 1_000);
        timeline.hold(List.of(receivedAt(0, 100), receivedAt(1, 200), receivedAt(2, 300)));
        timeline.show();
        assertEquals(600, timeline.retainedBytes());

        timeline.hold(List.of(receivedAt(3, 10), receivedAt(4, 20), receivedAt(5, 30), receivedAt(6, 40),
                receivedAt(7, 50)));
        timeline.show();

        assertEquals(List.of(5L, 6L, 7L, 8L), timeline.rows().stream().map(TimelineRow::sequence).toList());
        assertEquals(140, timeline.retainedBytes(), "only the shown rows' bytes");
        assertEquals(4, timeline.trimmed(), "three shown rows and one held row made way");

        timeline.hold(List.of(receivedAt(8, 1)));
        timeline.show();
        assertEquals(List.of(6L, 7L, 8L, 9L), timeline.rows().stream().map(TimelineRow::sequence).toList());
        assertEquals(121, timeline.retainedBytes(), "the walk resumes from an exact sum");
    }

    @Test
    void payloadSizesAreTakenOncePerRowAndBothLimitsHoldForHeldRowsToo() {
        TimelineModel timeline = new TimelineModel(100, 1_000);
        List<NetEvent> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(receivedAt(i, 100));
        }
        timeline.hold(batch);
        timeline.hold(List.of(TestEvents.closed()));
        timeline.show();

        assertEquals(11, timeline.rows().size(), "ten payloads of 100 B fit the budget, plus the close");
        assertEquals(1_000, timeline.retainedBytes());
        assertEquals(20, timeline.trimmed());
        assertEquals(100, timeline.rows().getFirst().payloadBytes());
        assertEquals(0, timeline.rows().getLast().payloadBytes());
    }

    @Test
    void clearDropsHeldRowsTooButSequenceNumbersGoOn() {
        TimelineModel timeline = new TimelineModel(10);
        timeline.hold(List.of(receivedAt(0, 1), receivedAt(1, 1)));
        timeline.show();
        timeline.hold(List.of(receivedAt(2, 1)));

        timeline.clear();
        assertFalse(timeline.isHolding());
        assertEquals(0, timeline.rows().size());
        timeline.hold(List.of(receivedAt(3, 1)));
        timeline.show();
        assertEquals(List.of(4L), timeline.rows().stream().map(TimelineRow::sequence).toList());
        assertEquals(0, timeline.trimmed());
    }
}
