package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.event.NetEvent;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Trimming a full timeline costs what is trimmed, not the size of the timeline. */
class TimelineModelTrimTest {
    private static final int CAP = 50_000;
    /** A flood of 100,000 events/s at 50 pulses/s. */
    private static final int PER_PULSE = 2_000;
    private static final int PULSES = 2_000;

    private final NetEvent event = TestEvents.received("x");
    private long sequence;

    private List<TimelineRow> batch(int count) {
        List<TimelineRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sequence++;
            rows.add(new TimelineRow(sequence, event, 0));
        }
        return rows;
    }

    /*
     * The observableArrayList this replaced shifted all remaining rows once per trimmed row: 2,000 pulses trimming
     * 2,000 rows each off 50,000 meant some 200 billion element moves (well over ten seconds even as memmove); the
     * ring touches each trimmed row once, a few million moves in all. (Views such as the FilteredList of the
     * TimelineView add their own cost per change; RingObservableListTest checks they stay consistent.)
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aFullTimelineTrimsAndAppendsManyPulsesQuickly() {
        TimelineModel timeline = new TimelineModel(CAP);
        long[] changes = new long[1];
        timeline.rows().addListener((ListChangeListener<TimelineRow>) change -> changes[0]++);
        timeline.append(batch(CAP));

        for (int pulse = 0; pulse < PULSES; pulse++) {
            timeline.append(batch(PER_PULSE));
        }

        assertEquals(CAP, timeline.rows().size());
        assertEquals((long) PER_PULSE * PULSES, timeline.trimmed());
        assertEquals(sequence - CAP + 1, timeline.rows().getFirst().sequence());
        assertEquals(sequence, timeline.rows().getLast().sequence());
        assertEquals(1 + (long) PULSES, changes[0], "one change for the first batch, then one (trim and add) per pulse");
    }

    @Test
    void clearEmptiesTheRingAndItFillsToTheCapAgain() {
        TimelineModel timeline = new TimelineModel(10);
        timeline.append(batch(25));
        timeline.clear();
        assertEquals(0, timeline.rows().size());
        assertEquals(0, timeline.trimmed());

        timeline.append(batch(7));
        timeline.append(batch(7));
        assertEquals(10, timeline.rows().size());
        assertEquals(4, timeline.trimmed());
        assertEquals(sequence, timeline.rows().getLast().sequence());
        assertEquals(sequence - 9, timeline.rows().getFirst().sequence());
    }
}
