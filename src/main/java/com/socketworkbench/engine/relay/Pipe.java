package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.runtime.EngineThreads;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import static com.socketworkbench.engine.relay.RelayText.TEXT;

/**
 * One direction of one pair: takes what the reading side read and writes it to the other side, in order.
 *
 * <p>Fast path: with intercept and faults off and nothing queued, the reading thread writes the chunk itself, from
 * its own read buffer, and copies it once for the event. Otherwise the chunk is copied into a queue and a writer
 * thread (started the first time it is needed) forwards the queue in order: a held chunk stops the queue until it
 * is decided, later chunks wait behind it (held too while intercept is on), faults delay, pace, cut and count. The
 * queue is bounded: a reader that would queue more than {@link #MAX_QUEUED_BYTES} waits (TCP flow control pushes
 * back on the sender), a datagram that would is dropped with a Notice.
 */
final class Pipe {
    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Bandwidth pacing writes a stream in slices of 1/20 s worth of bytes, so the rate holds within a chunk. */
    private static final int PACING_SLICES_PER_SECOND = 20;

    /** A queued chunk, or the end of the stream. Guarded by the pipe's lock, except the immutable fields. */
    static final class Item {
        final long arrivedNanos;
        final boolean end;
        byte[] bytes;
        long holdId;
        boolean waiting;
        boolean dropped;

        Item(byte[] bytes, long arrivedNanos, boolean end) {
            this.bytes = bytes;
            this.arrivedNanos = arrivedNanos;
            this.end = end;
        }
    }

    private final long pairId;
    private final RelayDirection direction;
    private final RelayControls controls;
    private final Holds holds;
    private final EngineThreads threads;
    private final String threadName;
    private final PairEnds pair;
    private final Outlet outlet;
    private final boolean mayBlock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean writerBusy;
    private boolean writerStarted;
    /** Something is queued or being written by the writer; set under the lock, read without it. */
    private volatile boolean busy;
    private volatile boolean closed;
    private long forwardedBytes;
    private long nextSendNanos;

    /**
     * @param mayBlock true when the reading thread serves this pipe alone (a TCP side, a UDP pair's replies) and may
     *                 wait for room in the queue; false for a thread shared by many pairs (the UDP listener)
     */
    Pipe(long pairId, RelayDirection direction, RelayControls controls, Holds holds, EngineThreads threads,
         String threadName, PairEnds pair, Outlet outlet, boolean mayBlock) {
        this.pairId = pairId;
        this.direction = direction;
        this.controls = controls;
        this.holds = holds;
        this.threads = threads;
        this.threadName = threadName;
        this.pair = pair;
        this.outlet = outlet;
        this.mayBlock = mayBlock;
    }

    /**
     * Forwards the bytes between {@code buffer}'s position and limit, or queues a copy. Called by the one thread
     * that reads this direction; the buffer is free again when this returns.
     *
     * @return false when the pipe is finished (closed, or the write failed and the pair is told): stop reading
     */
    boolean deliver(ByteBuffer buffer) {
        boolean intercept = controls.intercept(direction);
        if (!intercept && controls.faults(direction).isNone() && idle()) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(buffer.position(), copy);
            try {
                outlet.write(buffer);
            } catch (IOException e) {
                return pair.writeFailed(direction, e);
            }
            counted(copy);
            return true;
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        return enqueue(new Item(copy, System.nanoTime(), false), intercept);
    }

    /** The reading side reached end of stream: pass it on after whatever is queued. */
    void deliverEnd() {
        if (idle()) {
            pair.endForwarded(direction);
            return;
        }
        enqueue(new Item(new byte[0], System.nanoTime(), true), false);
    }

    /**
     * Nothing queued and the writer idle: the reading thread may write itself. Read without the lock on every
     * chunk: only the reading thread queues, so once it sees the pipe idle nobody else can make it busy.
     */
    private boolean idle() {
        return !busy && !closed;
    }

    private boolean enqueue(Item item, boolean intercept) {
        lock.lock();
        try {
            while (!closed && queuedBytes + item.bytes.length > MAX_QUEUED_BYTES && !queue.isEmpty()) {
                if (!mayBlock) {
                    pair.notice(TEXT.get("notice.queueFull", RelayText.direction(direction),
                            ByteSizes.format(item.bytes.length)));
                    return true;
                }
                changed.awaitUninterruptibly();
            }
            if (closed) {
                return false;
            }
            if (intercept && !item.end) {
                item.holdId = holds.register(this, item);
                item.waiting = true;
                // Inside the lock, so that the listener hears of the hold before anything can release it.
                holds.held(new HeldChunk(item.holdId, pairId, direction, item.bytes.clone(), Instant.now()));
            }
            queue.add(item);
            busy = true;
            queuedBytes += item.bytes.length;
            if (!writerStarted) {
                writerStarted = true;
                threads.start(threadName, this::writeLoop);
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases a held chunk (the caller has claimed its hold): forwarded with {@code bytes} (null: unchanged), or
     * dropped. Tells the listener, and a drop gets its Notice.
     */
    void decide(Item item, byte[] bytes, HoldOutcome outcome) {
        boolean drop = outcome == HoldOutcome.DROPPED || outcome == HoldOutcome.TIMED_OUT_DROPPED;
        int size;
        HoldOutcome told = outcome;
        lock.lock();
        try {
            size = item.bytes.length;
            if (closed) {
                // The pair closed between the claim and now: the chunk was counted as not delivered.
                told = HoldOutcome.PAIR_CLOSED;
                drop = false;
            } else if (!drop && bytes != null) {
                queuedBytes += bytes.length - item.bytes.length;
                item.bytes = bytes;
            }
            item.dropped = drop;
            item.waiting = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        holds.released(item.holdId, told);
        if (drop) {
            pair.notice(TEXT.get(outcome == HoldOutcome.DROPPED ? "notice.dropped" : "notice.dropped.timeout",
                    RelayText.direction(direction), ByteSizes.format(size)));
        }
    }

    /** Wakes the writer so that it sees a changed hold timeout. */
    void settingsChanged() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The pair is ending: nothing more is written. Holds are released as PAIR_CLOSED; bytes still queued are reported
     * in one Notice, never lost silently.
     */
    void close() {
        List<Item> left;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayList<>(queue);
            queue.clear();
            queuedBytes = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        long undelivered = 0;
        for (Item item : left) {
            if (item.holdId != 0 && holds.claim(item.holdId) != null) {
                holds.released(item.holdId, HoldOutcome.PAIR_CLOSED);
            }
            if (!item.dropped) {
                undelivered += item.bytes.length;
            }
        }
        if (undelivered > 0) {
            pair.notice(TEXT.get("notice.undelivered", RelayText.direction(direction), ByteSizes.format(undelivered)));
        }
    }

    private void writeLoop() {
        while (true) {
            Item item = next();
            if (item == null) {
                return;
            }
            boolean goOn = item.end ? endOfStream() : item.dropped || send(item);
            lock.lock();
            try {
                if (!closed) {
                    queuedBytes -= item.bytes.length;
                }
                writerBusy = false;
                busy = !queue.isEmpty();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (!goOn) {
                return;
            }
        }
    }

    private boolean endOfStream() {
        pair.endForwarded(direction);
        return false;
    }

    /** The next chunk to forward, in order, once it is no longer held; null when the pipe is closed. */
    private Item next() {
        lock.lock();
        try {
            while (!closed) {
                Item head = queue.peek();
                if (head == null) {
                    changed.awaitUninterruptibly();
                } else if (head.waiting) {
                    waitForDecision(head);
                } else {
                    queue.poll();
                    writerBusy = true;
                    return head;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the user, or for the hold timeout, which then decides. Called with the lock held. */
    private void waitForDecision(Item head) {
        long timeout = controls.holdTimeout().toNanos();
        if (timeout <= 0) {
            changed.awaitUninterruptibly();
            return;
        }
        long left = head.arrivedNanos + timeout - System.nanoTime();
        if (left > 0) {
            try {
                changed.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
            return;
        }
        if (holds.claim(head.holdId) != null) {
            HoldOutcome outcome = controls.holdTimeoutAction() == HoldTimeoutAction.DROP
                    ? HoldOutcome.TIMED_OUT_DROPPED : HoldOutcome.TIMED_OUT_FORWARDED;
            decide(head, null, outcome);
        } else {
            // The user decided at the same moment and is about to record it: let go of the lock until they have.
            changed.awaitUninterruptibly();
        }
    }

    /** Forwards one chunk with the faults in force now; false when the pipe must stop. */
    private boolean send(Item item) {
        Faults faults = controls.faults(direction);
        long delay = faults.latency().toNanos();
        long jitter = faults.jitter().toNanos();
        if (jitter > 0) {
            delay += ThreadLocalRandom.current().nextLong(jitter + 1);
        }
        if (delay > 0 && !sleepUntil(item.arrivedNanos + delay)) {
            return false;
        }
        byte[] bytes = item.bytes;
        int segment = faults.segmentSize() > 0 ? faults.segmentSize() : Math.max(1, bytes.length);
        long limit = faults.dropAfterBytes();
        int offset = 0;
        while (offset < bytes.length) {
            int length = Math.min(segment, bytes.length - offset);
            if (limit > 0) {
                long left = limit - forwardedBytes;
                if (left <= 0) {
                    pair.dropLimitReached(direction, limit);
                    return false;
                }
                length = (int) Math.min(length, left);
            }
            Written written = write(bytes, offset, length, faults.bytesPerSecond());
            if (written == Written.STOP) {
                return false;
            }
            if (written == Written.YES) {
                counted(offset == 0 && length == bytes.length ? bytes
                        : Arrays.copyOfRange(bytes, offset, offset + length));
            }
            offset += length;
            if (limit > 0 && forwardedBytes >= limit) {
                pair.dropLimitReached(direction, limit);
                return false;
            }
        }
        return true;
    }

    /** What became of one segment: written, lost on its own (a datagram that could not be sent), or the end. */
    private enum Written { YES, LOST, STOP }

    /** Writes one segment, paced to {@code bytesPerSecond} when that is set. */
    private Written write(byte[] bytes, int offset, int length, long bytesPerSecond) {
        try {
            if (bytesPerSecond <= 0) {
                outlet.write(ByteBuffer.wrap(bytes, offset, length));
                return Written.YES;
            }
            int slice = outlet.keepsBoundaries() ? length
                    : (int) Math.max(1, Math.min(length, bytesPerSecond / PACING_SLICES_PER_SECOND));
            for (int at = offset; at < offset + length; at += slice) {
                int size = Math.min(slice, offset + length - at);
                if (!sleepUntil(nextSendNanos)) {
                    return Written.STOP;
                }
                outlet.write(ByteBuffer.wrap(bytes, at, size));
                nextSendNanos = Math.max(System.nanoTime(), nextSendNanos)
                        + size * NANOS_PER_SECOND / bytesPerSecond;
            }
            return Written.YES;
        } catch (IOException e) {
            return pair.writeFailed(direction, e) && outlet.keepsBoundaries() ? Written.LOST : Written.STOP;
        }
    }

    private void counted(byte[] data) {
        forwardedBytes += data.length;
        pair.forwarded(direction, data);
    }

    /** Waits until {@link System#nanoTime()} reaches {@code deadline}; false when the pipe closed meanwhile. */
    private boolean sleepUntil(long deadline) {
        lock.lock();
        try {
            long left = deadline - System.nanoTime();
            while (!closed && left > 0) {
                changed.awaitNanos(left);
                left = deadline - System.nanoTime();
            }
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** For tests and the UI's counters: how many bytes wait in the queue, held or not. */
    long queuedBytes() {
        lock.lock();
        try {
            return queuedBytes;
        } finally {
            lock.unlock();
        }
    }
}
