package com.socketworkbench.engine.scenario;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP connection's received bytes as one stream: TCP keeps no message boundaries (粘包), so an expect searches
 * everything not yet consumed and consumes through the end of its match; what follows stays for the next expect.
 * Holds at most {@link #LIMIT} unconsumed bytes; beyond that arriving bytes are dropped (logged once): the timeline
 * still shows them.
 */
final class StreamInbox implements Inbox {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamInbox.class);
    static final int LIMIT = 16 * 1024 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private byte[] buffer = new byte[4096];
    private int start;
    private int end;
    private long dropped;
    /** Bytes ever added: tells a waiting expect that something arrived (start and end move when compacting). */
    private long arrived;
    private String closedWhy;

    @Override
    public void add(byte[] data) {
        lock.lock();
        try {
            int room = LIMIT - (end - start);
            int take = Math.min(room, data.length);
            if (take < data.length && dropped == 0) {
                LOG.warn("A scenario connection holds {} unconsumed bytes; later bytes are not matched", LIMIT);
            }
            dropped += data.length - take;
            ensureRoom(take);
            System.arraycopy(data, 0, buffer, end, take);
            end += take;
            arrived += take;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void ensureRoom(int more) {
        if (end + more <= buffer.length) {
            return;
        }
        int used = end - start;
        if (used + more <= buffer.length && start > buffer.length / 2) {
            System.arraycopy(buffer, start, buffer, 0, used);
        } else {
            byte[] bigger = new byte[Math.max(buffer.length * 2, used + more)];
            System.arraycopy(buffer, start, bigger, 0, used);
            buffer = bigger;
        }
        start = 0;
        end = used;
    }

    @Override
    public void closed(String why) {
        lock.lock();
        try {
            if (closedWhy == null) {
                closedWhy = why;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void expect(ExpectPattern.Prepared pattern, Map<String, String> save, Map<String, String> vars,
                       long deadline, RunControl control) throws StepFailure, RunControl.Stopped {
        long started = System.nanoTime();
        lock.lock();
        try {
            long searched = -1;
            while (true) {
                if (arrived != searched) {
                    searched = arrived;
                    ExpectPattern.Found found = pattern.find(buffer, start, end - start);
                    if (found != null) {
                        Waiting.save(found, save, vars);
                        start += found.end();
                        if (start == end) {
                            start = 0;
                            end = 0;
                        }
                        return;
                    }
                }
                if (closedWhy != null) {
                    throw Waiting.closed(pattern, closedWhy, unconsumed());
                }
                control.check();
                long left = control.limit(deadline) - System.nanoTime();
                if (left <= 0) {
                    control.check();
                    throw Waiting.timedOut(pattern, started, unconsumed());
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.stop(RunControl.Stop.CANCELLED);
            throw new RunControl.Stopped(RunControl.Stop.CANCELLED);
        } finally {
            lock.unlock();
        }
    }

    /** The bytes not yet consumed (a copy). */
    byte[] unconsumed() {
        lock.lock();
        try {
            return Arrays.copyOfRange(buffer, start, end);
        } finally {
            lock.unlock();
        }
    }

    long dropped() {
        return dropped;
    }
}
