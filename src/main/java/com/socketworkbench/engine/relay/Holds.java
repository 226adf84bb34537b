package com.socketworkbench.engine.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chunks held right now, by hold id, over all pairs of one relay. Whoever removes a hold first (forward, drop,
 * the timeout, a closing pair) decides it; the others find it gone. Also keeps the listener from hurting a relay
 * thread: its exceptions are logged.
 */
final class Holds {
    private static final Logger LOG = LoggerFactory.getLogger(Holds.class);

    record Hold(Pipe pipe, Pipe.Item item) {
    }

    private final Map<Long, Hold> held = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final HoldListener listener;

    Holds(HoldListener listener) {
        this.listener = Objects.requireNonNull(listener, "holds");
    }

    long register(Pipe pipe, Pipe.Item item) {
        long id = ids.incrementAndGet();
        held.put(id, new Hold(pipe, item));
        return id;
    }

    /** The hold, left in place; null when it is gone. */
    Hold peek(long holdId) {
        return held.get(holdId);
    }

    /** Takes the hold away so that nobody else decides it; null when it is gone already. */
    Hold claim(long holdId) {
        return held.remove(holdId);
    }

    List<Long> ids() {
        return List.copyOf(held.keySet());
    }

    void held(HeldChunk chunk) {
        try {
            listener.held(chunk);
        } catch (RuntimeException e) {
            LOG.warn("The hold listener failed on held chunk {}", chunk.holdId(), e);
        }
    }

    void released(long holdId, HoldOutcome outcome) {
        try {
            listener.released(holdId, outcome);
        } catch (RuntimeException e) {
            LOG.warn("The hold listener failed on release of chunk {}", holdId, e);
        }
    }
}
