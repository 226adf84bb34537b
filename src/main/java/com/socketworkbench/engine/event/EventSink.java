package com.socketworkbench.engine.event;

/**
 * Receives engine events. Implementations must return quickly and never block: they are called on the engine's
 * socket threads (a UI adapter only enqueues).
 */
@FunctionalInterface
public interface EventSink {
    void emit(NetEvent event);

    EventSink NONE = event -> { };
}
