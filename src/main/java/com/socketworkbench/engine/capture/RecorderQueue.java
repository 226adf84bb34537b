package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events waiting for the recorder's writer, bounded by their bytes rather than their number (a flood of small
 * datagrams and a few 256 KiB reads should cost the same memory). A producer that finds it full waits for the
 * writer instead of dropping anything; an event larger than the whole capacity is let in when the queue is empty.
 * One lock keeps the events in the order producers got it.
 */
final class RecorderQueue {
    /** What an event costs beyond its payload: the record, its addresses, the queue slot. */
    static final int OVERHEAD = 64;

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<NetEvent> events = new ArrayDeque<>();
    private long bytes;
    private boolean closed;
    private long waits;
    private long accepted;

    RecorderQueue(long capacity) {
        this.capacity = capacity;
    }

    static long cost(NetEvent event) {
        return OVERHEAD + (event instanceof DataEvent data ? data.data().length : 0);
    }

    /**
     * Adds {@code event}, waiting while the queue is full (not interruptibly: an event is never given up because
     * its thread was interrupted; the interrupt stays set). False when the queue was closed before it got in.
     */
    boolean put(NetEvent event) {
        return put(event, true);
    }

    /**
     * Adds {@code event} at once, past the capacity if need be: for the rare event of a thread that must never wait
     * (the FX thread's notices and refused sends), so order is kept without blocking it. False when closed.
     */
    boolean putWithoutWaiting(NetEvent event) {
        return put(event, false);
    }

    private boolean put(NetEvent event, boolean mayWait) {
        long cost = cost(event);
        lock.lock();
        try {
            if (mayWait && !closed && bytes > 0 && bytes + cost > capacity) {
                waits++;
                while (!closed && bytes > 0 && bytes + cost > capacity) {
                    notFull.awaitUninterruptibly();
                }
            }
            if (closed) {
                return false;
            }
            events.add(event);
            bytes += cost;
            accepted++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves up to {@code max} events into {@code batch}, waiting until there is one; 0 once the queue is closed and
     * empty.
     */
    int drainTo(List<NetEvent> batch, int max) {
        lock.lock();
        try {
            while (events.isEmpty() && !closed) {
                notEmpty.awaitUninterruptibly();
            }
            int moved = 0;
            while (moved < max && !events.isEmpty()) {
                NetEvent event = events.poll();
                bytes -= cost(event);
                batch.add(event);
                moved++;
            }
            if (moved > 0) {
                notFull.signalAll();
            }
            return moved;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code nanos} for an event; true when one is waiting or the queue is closed. */
    boolean awaitEvent(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (events.isEmpty() && !closed && left > 0) {
                try {
                    left = notEmpty.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return !events.isEmpty() || closed;
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more events; those already in are still drained. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more events and drops those waiting (the writer failed); returns how many were dropped. */
    int abort() {
        lock.lock();
        try {
            closed = true;
            int dropped = events.size();
            events.clear();
            bytes = 0;
            notEmpty.signalAll();
            notFull.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** How many events got in. */
    long accepted() {
        lock.lock();
        try {
            return accepted;
        } finally {
            lock.unlock();
        }
    }

    /** How many times a producer had to wait for the writer. */
    long waits() {
        lock.lock();
        try {
            return waits;
        } finally {
            lock.unlock();
        }
    }
}
