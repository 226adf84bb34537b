package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.relay.HeldChunk;
import com.socketworkbench.engine.relay.HoldOutcome;
import com.socketworkbench.engine.relay.RelayDirection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The held list's model without a toolkit: its time column and what a drain tells about releases. */
class HeldChunksTest {
    private static final Instant HELD = Instant.parse("2026-12-03T10:00:00Z");

    private static HeldChunk chunk(long holdId) {
        return new HeldChunk(holdId, 1, RelayDirection.CLIENT_TO_SERVER, new byte[]{1}, HELD);
    }

    @Test
    void theTimeColumnCountsDownToTheHoldTimeoutWhenOneIsSet() {
        HeldChunk chunk = chunk(1);
        assertEquals("12 s", HeldChunks.waited(chunk, HELD.plusMillis(12_400), Duration.ZERO), "no timeout: age only");
        assertEquals("12 s · 18 s left", HeldChunks.waited(chunk, HELD.plusMillis(12_000), Duration.ofSeconds(30)));
        assertEquals("12 s · 18 s left", HeldChunks.waited(chunk, HELD.plusMillis(12_400), Duration.ofSeconds(30)),
                "the time left rounds up: 17.6 s is not yet 17");
        assertEquals("31 s · 0 s left", HeldChunks.waited(chunk, HELD.plusSeconds(31), Duration.ofSeconds(30)),
                "never below zero while the relay gets round to it");
    }

    @Test
    void aDrainTellsEachReleaseAfterItsRowWent() {
        HeldChunks held = new HeldChunks();
        held.held(chunk(1));
        held.held(chunk(2));
        held.released(1, HoldOutcome.TIMED_OUT_DROPPED);
        List<String> told = new ArrayList<>();
        assertTrue(held.drain((holdId, outcome) -> told.add(holdId + " " + outcome + " rows="
                + held.rows().stream().map(HeldChunk::holdId).toList())));
        assertEquals(List.of("1 TIMED_OUT_DROPPED rows=[2]"), told);
    }
}
