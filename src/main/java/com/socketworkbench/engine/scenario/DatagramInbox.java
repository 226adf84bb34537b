package com.socketworkbench.engine.scenario;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A UDP socket's datagrams, in order: an expect matches within one datagram. Datagrams that do not match are passed
 * over (gone for later expects) and reported if nothing matches in time. Holds at most {@link #LIMIT} datagrams.
 */
final class DatagramInbox implements Inbox {
    static final int LIMIT = 10_000;
    /** How many passed-over datagrams a failure shows. */
    private static final int SHOWN = 16;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private String closedWhy;

    @Override
    public void add(byte[] data) {
        lock.lock();
        try {
            if (queue.size() < LIMIT) {
                queue.addLast(data);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void closed(String why) {
        lock.lock();
        try {
            closedWhy = why;
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
        Deque<byte[]> passedOver = new ArrayDeque<>();
        lock.lock();
        try {
            while (true) {
                byte[] datagram;
                while ((datagram = queue.pollFirst()) != null) {
                    ExpectPattern.Found found = pattern.find(datagram, 0, datagram.length);
                    if (found != null) {
                        Waiting.save(found, save, vars);
                        return;
                    }
                    passedOver.addLast(datagram);
                    if (passedOver.size() > SHOWN) {
                        passedOver.pollFirst();
                    }
                }
                if (closedWhy != null) {
                    throw Waiting.closed(pattern, closedWhy, joined(passedOver));
                }
                control.check();
                long left = control.limit(deadline) - System.nanoTime();
                if (left <= 0) {
                    control.check();
                    throw Waiting.timedOut(pattern, started, joined(passedOver));
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

    private static byte[] joined(Deque<byte[]> datagrams) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        datagrams.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
