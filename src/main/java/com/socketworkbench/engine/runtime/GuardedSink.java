package com.socketworkbench.engine.runtime;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a misbehaving sink from killing a socket thread: its exceptions are logged, not propagated. A broken sink
 * usually fails on every event, so its first failure is logged with the stack trace and the rest at debug level
 * only, lest a flood of datagrams flood the log too.
 */
public final class GuardedSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedSink.class);

    private final EventSink delegate;
    private final AtomicLong failures = new AtomicLong();

    public GuardedSink(EventSink delegate) {
        this.delegate = Objects.requireNonNull(delegate, "sink");
    }

    @Override
    public void emit(NetEvent event) {
        try {
            delegate.emit(event);
        } catch (RuntimeException e) {
            if (failures.getAndIncrement() == 0) {
                LOG.warn("The event sink failed on {} (further failures are logged at debug level)",
                        event.getClass().getSimpleName(), e);
            } else {
                LOG.debug("The event sink failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** How many events the sink failed on. */
    public long failures() {
        return failures.get();
    }
}
