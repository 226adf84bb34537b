package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.Subscriptions;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pulse hook and failure announcements of {@link TabTraffic}, pumped by hand (no FX thread). */
class TabTrafficTest {
    private final TabTraffic traffic = new TabTraffic();
    private final Subscriptions subscriptions = new Subscriptions();
    private final List<String> announced = new ArrayList<>();
    private final List<Integer> batches = new ArrayList<>();

    TabTrafficTest() {
        traffic.setOnFailure(announced::add);
        traffic.onPulse(batch -> batches.add(batch.size()), subscriptions);
    }

    @Test
    void aPulseWithFailuresAnnouncesOnlyTheLastOneAfterTheHandler() {
        traffic.pump().emit(TestEvents.failure("first"));
        traffic.pump().emit(TestEvents.received("data"));
        traffic.pump().emit(TestEvents.failure("second"));
        traffic.pump().pumpOnce();

        assertEquals(List.of(3), batches);
        assertEquals(List.of("second"), announced);
        assertEquals(3, traffic.timeline().rows().size());
    }

    @Test
    void aPulseWithoutFailuresAnnouncesNothingAndCountersReachTheStatusOnRequest() {
        traffic.pump().emit(TestEvents.received("hello"));
        traffic.pump().pumpOnce();
        assertTrue(announced.isEmpty());
        assertEquals(0, traffic.status().bytesInProperty().get(), "counters are copied, not live");

        traffic.updateCounters();
        assertEquals(5, traffic.status().bytesInProperty().get());
        assertEquals(1, traffic.status().messagesInProperty().get());
    }

    @Test
    void disposingTheSubscriptionsUnhooksThePulseHandler() {
        subscriptions.dispose();
        traffic.pump().emit(TestEvents.failure("late"));
        traffic.pump().pumpOnce();
        assertTrue(batches.isEmpty());
        assertTrue(announced.isEmpty());
    }
}
