package com.socketworkbench.ui.websocket;

import com.socketworkbench.engine.websocket.WsEvent;
import com.socketworkbench.ui.fx.FrameTicker;
import com.socketworkbench.ui.fx.UiExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The WebSocket tab's pump, the same pattern as {@code ui.fx.EventPump}: session threads only enqueue; once per frame
 * the FX thread drains at most {@link #MAX_PER_PULSE} events and applies them as one batch. An idle queue stops its
 * frame clock; the first event that finds it asleep posts one wake-up (one per idle-to-busy change, never one per
 * event).
 */
final class WsEventQueue implements Consumer<WsEvent> {
    static final int MAX_PER_PULSE = 10_000;

    private final Queue<WsEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean asleep = new AtomicBoolean(true);
    private final UiExecutor executor;
    private final FrameTicker ticker;
    private final Consumer<List<WsEvent>> apply;
    private volatile boolean disposed;

    WsEventQueue(UiExecutor executor, Consumer<List<WsEvent>> apply) {
        this.executor = executor;
        this.apply = apply;
        this.ticker = executor.frameTicker(this::pulse);
    }

    /** Any thread; never blocks. */
    @Override
    public void accept(WsEvent event) {
        if (disposed) {
            return;
        }
        queue.offer(event);
        if (asleep.compareAndSet(true, false)) {
            executor.later(this::wake);
        }
    }

    private void wake() {
        if (!disposed) {
            ticker.start();
        }
    }

    /** One frame's work (FX thread): apply what is queued, then sleep when nothing is left. */
    void pulse() {
        if (disposed) {
            return;
        }
        List<WsEvent> batch = new ArrayList<>();
        WsEvent event;
        while (batch.size() < MAX_PER_PULSE && (event = queue.poll()) != null) {
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            apply.accept(batch);
        }
        if (queue.isEmpty()) {
            ticker.stop();
            asleep.set(true);
            // An event that came in between found the queue awake and posted nothing: look once more.
            if (!queue.isEmpty() && asleep.compareAndSet(true, false)) {
                ticker.start();
            }
        }
    }

    void dispose() {
        disposed = true;
        ticker.stop();
        queue.clear();
    }
}
