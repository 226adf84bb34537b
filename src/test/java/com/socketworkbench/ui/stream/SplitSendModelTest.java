package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;

import com.socketworkbench.engine.tcp.SendPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitSendModelTest {
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private final SplitSendModel model = new SplitSendModel(preferences, new Subscriptions());

    @Test
    void offMeansOneWritePerSend() {
        model.segmentBytesProperty().set("5");
        assertEquals(SendPlan.WHOLE, model.plan());
        assertEquals("", model.describe(10));
    }

    @Test
    void segmentsAndRepeatsBecomeAPlan() {
        model.enabledProperty().set(true);
        model.segmentBytesProperty().set("5");
        model.gapMillisProperty().set("20");
        assertEquals(new SendPlan(5, Duration.ofMillis(20), 1, false), model.plan());
        assertEquals("10 B → 2 writes of up to 5 B, 20 ms apart", model.describe(10));

        model.segmentBytesProperty().set("");
        model.gapMillisProperty().set("0");
        model.repeatProperty().set("3");
        model.coalesceProperty().set(true);
        assertEquals("12 B (3 × 4 B) → 1 write", model.describe(4));
        model.coalesceProperty().set(false);
        assertEquals("12 B (3 × 4 B) → 3 writes, back to back", model.describe(4));
    }

    @Test
    void aWrongFieldStopsSending() {
        model.enabledProperty().set(true);
        model.repeatProperty().set("0");
        assertNull(model.plan());
        assertTrue(model.errorProperty().get().startsWith("Repeat must be between 1 and"),
                model.errorProperty().get());
        model.repeatProperty().set("2");
        model.gapMillisProperty().set("soon");
        assertTrue(model.errorProperty().get().contains("not a whole number"), model.errorProperty().get());
        model.enabledProperty().set(false);
        assertEquals(SendPlan.WHOLE, model.plan());
        assertEquals("", model.errorProperty().get());
    }
}
