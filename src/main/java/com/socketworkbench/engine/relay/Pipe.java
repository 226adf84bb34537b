// Over 400 lines: one direction's queue, holds, faults and writer share one lock and the order of its chunks.
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
 * queue is bounded by what it costs, not only by payload: each item counts {@link #ITEM_OVERHEAD_BYTES} on top of its
 * bytes (so a flood of tiny or empty datagrams is bounded too), and there are at most {@link #MAX_QUEUED_ITEMS}. A
 * reader that would go past either waits (TCP flow control pushes back on the sender), a datagram that would is
 * dropped with a Notice.
 *
 * <p>Nothing is lost silently: when the pipe closes, the queue and the part of the chunk the writer had taken but not
 * yet written (sleeping out a latency, pacing, between segments, or cut by drop-after) are reported as undelivered.
 */
final class Pipe {
    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;
    /** What one queued item costs beyond its payload (the item, the deque slot, a hold, a row in the held list). */
    static final int ITEM_OVERHEAD_BYTES = 64;
    /** The most items one direction of one pair queues, held or not: each held one is a row the user sees. */
    static final int MAX_QUEUED_ITEMS = 4096;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Bandwidth pacing writes a stream in slices of 1/20 s worth of bytes, so the rate holds within a chunk. */
    private static final int PACING_SLICES_PER_SECOND = 20;

    /** A queued chunk, or the end of the stream. Guarded by the pipe's lock, except the immutable fields. */
    static final class Item {
        final long arrivedNanos;
        final boolean end;
        /**
         * When the chunk became free to go: its arrival, or the user's (or the hold timeout's) release of a held
         * chunk. The latency counts from here, so "hold, then a slow link" holds both: the link comes after the
         * intercept, as with a proxy in front of a network emulator.
         */
        long readyNanos;
        byte[] bytes;
        long holdId;
        boolean waiting;
        boolean dropped;

        Item(byte[] bytes, long arrivedNanos, boolean end) {
            this.bytes = bytes;
            this.arrivedNanos = arrivedNanos;
            this.readyNanos = arrivedNanos;
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
    /** Payload bytes queued or being written by the writer (what {@link #queuedBytes()} reports). */
    private long queuedBytes;
    /** The chunk the writer took from the queue and has not finished; guarded by the lock. */
    private Item current;
    /** How many of {@link #current}'s bytes are written (or were lost on their own); guarded by the lock. */
    private int currentDone;
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
            int start = buffer.position();
            try {
                outlet.write(buffer);
            } catch (IOException e) {
                return pair.writeFailed(direction, e);
            }
            // The event's copy after the write: the sink reads while this thread copies, instead of waiting for it.
            byte[] copy = new byte[buffer.position() - start];
            buffer.get(start, copy);
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
            while (!closed && !queue.isEmpty() && (queue.size() >= MAX_QUEUED_ITEMS
                    || cost(queuedBytes + item.bytes.length, queue.size() + 1) > MAX_QUEUED_BYTES)) {
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
            // Read again under the lock: Relay.forwardAll switches intercept off, then sweeps the queues under their
            // locks, so a chunk is either held before the sweep (and forwarded by it) or not held at all.
            if (intercept && !item.end && controls.intercept(direction)) {
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

    /** What the queue costs against {@link #MAX_QUEUED_BYTES}: the payload plus each item's overhead. */
    private static long cost(long bytes, int items) {
        return bytes + (long) items * ITEM_OVERHEAD_BYTES;
    }

    /**
     * Releases a held chunk (the caller has claimed its hold): forwarded with {@code bytes} (null: unchanged), or
     * dropped. Tells the listener; the timeline gets a Notice for everything but a plain forward (whose data row says
     * it all): an edit carries the original bytes, a drop the dropped ones, a timeout says what it did.
     */
    void decide(Item item, byte[] bytes, HoldOutcome outcome) {
        boolean drop = outcome == HoldOutcome.DROPPED || outcome == HoldOutcome.TIMED_OUT_DROPPED;
        byte[] original;
        HoldOutcome told = outcome;
        lock.lock();
        try {
            original = item.bytes;
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
            item.readyNanos = System.nanoTime();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        holds.released(item.holdId, told);
        String way = RelayText.direction(direction);
        String size = ByteSizes.format(original.length);
        switch (told) {
            case DROPPED -> pair.notice(TEXT.get("notice.dropped", way, size, RelayText.bytes(original)));
            case TIMED_OUT_DROPPED -> pair.notice(TEXT.get("notice.dropped.timeout", way, size,
                    RelayText.bytes(original)));
            case EDITED -> pair.notice(TEXT.get("notice.edited", way, size, ByteSizes.format(bytes.length),
                    RelayText.bytes(original)));
            case TIMED_OUT_FORWARDED -> pair.notice(TEXT.get("notice.forwarded.timeout", way, size));
            default -> {
                // FORWARDED: the data row is the whole story; PAIR_CLOSED: close() reports the bytes.
            }
        }
    }

    RelayDirection direction() {
        return direction;
    }

    /** Returns once no reader is inside {@link #enqueue} (it holds the lock throughout). */
    void settle() {
        lock.lock();
        lock.unlock();
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
        long undeliveredTaken = 0;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayList<>(queue);
            queue.clear();
            queuedBytes = 0;
            if (current != null) {
                // The writer took it but had not finished: sleeping out a latency, pacing, between segments, or cut
                // by drop-after. It writes nothing more once closed is set, so the rest is undelivered.
                undeliveredTaken = current.bytes.length - currentDone;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        long undelivered = undeliveredTaken;
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
                current = null;
                currentDone = 0;
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
                    if (!head.end && !head.dropped) {
                        current = head;
                        currentDone = 0;
                    }
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
        if (delay > 0 && !sleepUntil(item.readyNanos + delay)) {
            return false;
        }
        byte[] bytes = item.bytes;
        boolean datagrams = outlet.keepsBoundaries();
        if (bytes.length == 0) {
            // Only a datagram can be empty (a TCP read never is): it is a message of its own, so it is sent.
            return !datagrams || segment(bytes, 0, 0, faults, true);
        }
        int segment = faults.segmentSize() > 0 ? faults.segmentSize() : bytes.length;
        for (int offset = 0; offset < bytes.length; offset += segment) {
            if (!segment(bytes, offset, Math.min(segment, bytes.length - offset), faults, datagrams)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes one segment under the drop-after limit. A stream is cut at the limit; a datagram never is: one that does
     * not fit is dropped whole (with a Notice) and the limit is reached.
     */
    private boolean segment(byte[] bytes, int offset, int length, Faults faults, boolean datagram) {
        long limit = faults.dropAfterBytes();
        int writing = length;
        if (limit > 0) {
            long left = limit - forwardedBytes;
            if (left <= 0) {
                pair.dropLimitReached(direction, limit);
                return false;
            }
            if (length > left) {
                if (datagram) {
                    progress(length);
                    pair.notice(TEXT.get("notice.dropAfter.datagram", RelayText.direction(direction),
                            ByteSizes.format(length), ByteSizes.format(limit)));
                    pair.dropLimitReached(direction, limit);
                    return false;
                }
                writing = (int) left;
            }
        }
        Written written = write(bytes, offset, writing, faults.bytesPerSecond());
        if (written == Written.STOP) {
            return false;
        }
        if (written == Written.YES) {
            counted(offset == 0 && writing == bytes.length ? bytes
                    : Arrays.copyOfRange(bytes, offset, offset + writing));
        }
        if (limit > 0 && forwardedBytes >= limit) {
            pair.dropLimitReached(direction, limit);
            return false;
        }
        return true;
    }

    /** {@code count} more bytes of the current chunk are written or accounted for: no longer undelivered. */
    private void progress(int count) {
        lock.lock();
        try {
            currentDone += count;
        } finally {
            lock.unlock();
        }
    }

    /** What became of one segment: written, lost on its own (a datagram that could not be sent), or the end. */
    private enum Written { YES, LOST, STOP }

    /**
     * Writes one segment, paced to {@code bytesPerSecond} when that is set, and marks what it wrote as done. Paced
     * slices that went out before the pipe closed are reported as forwarded (they reached the socket), the rest is
     * left for {@link #close()} to report as undelivered.
     */
    private Written write(byte[] bytes, int offset, int length, long bytesPerSecond) {
        int at = offset;
        try {
            if (bytesPerSecond <= 0) {
                outlet.write(ByteBuffer.wrap(bytes, offset, length));
                progress(length);
                return Written.YES;
            }
            int slice = outlet.keepsBoundaries() ? length
                    : (int) Math.max(1, Math.min(length, bytesPerSecond / PACING_SLICES_PER_SECOND));
            // do-while: an empty datagram is one write too.
            do {
                int size = Math.min(slice, offset + length - at);
                if (!sleepUntil(nextSendNanos)) {
                    if (at > offset) {
                        counted(Arrays.copyOfRange(bytes, offset, at));
                    }
                    return Written.STOP;
                }
                outlet.write(ByteBuffer.wrap(bytes, at, size));
                progress(size);
                nextSendNanos = Math.max(System.nanoTime(), nextSendNanos)
                        + size * NANOS_PER_SECOND / bytesPerSecond;
                at += size;
            } while (at < offset + length);
            return Written.YES;
        } catch (IOException e) {
            if (pair.writeFailed(direction, e) && outlet.keepsBoundaries()) {
                // The datagram is lost on its own, and writeFailed's Notice said so: not undelivered as well.
                progress(length);
                return Written.LOST;
            }
            return Written.STOP;
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

    /** Something is held, queued or being written (a UDP pair with a held datagram is not idle). */
    boolean pending() {
        return busy && !closed;
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
