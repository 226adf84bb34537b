package com.socketworkbench.engine.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** Records held chunks and how each was released. */
final class RecordingHolds implements HoldListener {
    private final List<HeldChunk> held = new CopyOnWriteArrayList<>();
    private final Map<Long, HoldOutcome> released = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();

    @Override
    public void held(HeldChunk chunk) {
        held.add(chunk);
        order.add("held " + chunk.holdId());
    }

    @Override
    public void released(long holdId, HoldOutcome outcome) {
        HoldOutcome before = released.putIfAbsent(holdId, outcome);
        if (before != null) {
            throw new AssertionError("hold " + holdId + " released twice: " + before + ", " + outcome);
        }
        order.add("released " + holdId);
    }

    List<HeldChunk> held() {
        return List.copyOf(held);
    }

    HoldOutcome outcome(long holdId) {
        return released.get(holdId);
    }

    List<String> order() {
        return List.copyOf(order);
    }

    /** Waits until at least {@code count} chunks have been held and returns them. */
    List<HeldChunk> awaitHeld(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> held.size() >= count);
        return held();
    }

    HoldOutcome awaitOutcome(long holdId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> released.containsKey(holdId));
        return released.get(holdId);
    }
}
