package com.socketworkbench.engine.runtime;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/** Keeps a misbehaving sink from killing a socket thread: its exceptions are logged, not propagated. */
public final class GuardedSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedSink.class);

    private final EventSink delegate;

    public GuardedSink(EventSink delegate) {
        this.delegate = Objects.requireNonNull(delegate, "sink");
    }

    @Override
    public void emit(NetEvent event) {
        try {
            delegate.emit(event);
        } catch (RuntimeException e) {
            LOG.error("Event sink failed on {}", event.getClass().getSimpleName(), e);
        }
    }
}
