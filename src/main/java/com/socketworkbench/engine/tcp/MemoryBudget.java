package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.net.Endpoints;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One budget for the bytes a listener's connections (or a client's one connection) hold in memory on a peer's
 * account or for it: sends and echoes queued until written, and frames still incomplete. Per-connection limits
 * (the 64 MiB send queue, the maximum frame) bound one peer; this bounds all of them together, however many.
 *
 * <p>What a peer's traffic needs (a frame growing, an echo) may take the room of the connection that holds the most:
 * when the budget is full, that connection is closed with a LIMIT_EXCEEDED Failure and the requester waits up to
 * {@link #EVICTION_WAIT} for its memory to be let go — unless the requester would itself hold the most, in which case
 * it is refused (and closed by its caller). So a peer that hoards memory is the one that loses it, a newcomer cannot
 * push established small connections out, and the budget is never exceeded: memory is reserved before it is taken.
 * A user's own send never closes anyone: it is refused when it does not fit.
 */
final class MemoryBudget {
    /** How long a requester waits for the connection it closed to let go of its memory. */
    static final Duration EVICTION_WAIT = Duration.ofSeconds(2);
    private static final long WAIT_SLICE_MILLIS = 100;
    /**
     * Read buffers may grow by a sixteenth of the budget, beside it. A larger buffer also means a larger read on its
     * way into the budget (a frame waiting for room), so beside the budget live at most twice that.
     */
    static final int READ_BUFFER_SHARE = 16;

    private final String owner;
    private final long limit;
    private final Supplier<? extends Collection<TcpConnection>> holders;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong readBuffers = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object released = new Object();

    /**
     * @param owner   "listener" or "client", for the messages
     * @param holders the connections that may hold memory now
     */
    MemoryBudget(String owner, long limit, Supplier<? extends Collection<TcpConnection>> holders) {
        if (limit < 1) {
            throw new IllegalArgumentException("a memory budget must be positive: " + limit);
        }
        this.owner = owner;
        this.limit = limit;
        this.holders = holders;
    }

    long limit() {
        return limit;
    }

    long used() {
        return used.get();
    }

    /** Takes {@code bytes} if they fit now; never waits, never closes anyone. */
    boolean tryReserve(long bytes) {
        if (bytes > limit) {
            return false;
        }
        while (true) {
            long now = used.get();
            if (now > limit - bytes) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /**
     * Takes {@code bytes} for a bulk read buffer growing beyond 256 KiB, from an allowance of its own beside the
     * budget ({@link #READ_BUFFER_SHARE}-th of it), and only while the budget itself is no fuller than that: a larger
     * read buffer is a speed-up for a connection that just reads, never room a frame or an echo needs, and (its reads
     * being large arrays, which the heap stores in whole regions) never what makes the heap outgrow the budget when
     * peers pile up their echo. When the allowance is used up, buffers stay smaller.
     */
    boolean tryReserveReadBuffer(long bytes) {
        long allowance = limit / READ_BUFFER_SHARE;
        while (readBuffersWelcome()) {
            long now = readBuffers.get();
            if (now + bytes > allowance) {
                return false;
            }
            if (readBuffers.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
        return false;
    }

    /** False once the budget holds more than its read-buffer share: grown read buffers then shrink back. */
    boolean readBuffersWelcome() {
        return used.get() <= limit / READ_BUFFER_SHARE;
    }

    void releaseReadBuffer(long bytes) {
        readBuffers.addAndGet(-bytes);
    }

    /** Bytes read buffers hold beyond 256 KiB, by {@link #tryReserveReadBuffer}. */
    long readBufferBytes() {
        return readBuffers.get();
    }

    /**
     * Takes {@code bytes} for what {@code requester}'s peer sent; when they do not fit, closes the connection holding
     * the most (not the requester) and waits for its memory. False when the requester would hold the most itself,
     * when it ended meanwhile, or when no room came within {@link #EVICTION_WAIT}.
     */
    boolean reserve(TcpConnection requester, long bytes) {
        if (tryReserve(bytes)) {
            return true;
        }
        if (bytes > limit) {
            return false;
        }
        long deadline = System.nanoTime() + EVICTION_WAIT.toNanos();
        TcpConnection victim = null;
        waiting.incrementAndGet();
        try {
            while (!tryReserve(bytes)) {
                if (!requester.isOpen()) {
                    return false;
                }
                if (victim == null || victim.heldBytes() == 0) {
                    // Nothing closed yet, or what was closed has let go and still there is no room: the next one.
                    victim = largestOther(requester);
                    if (victim == null || requester.heldBytes() + bytes >= victim.heldBytes()) {
                        return false;
                    }
                    victim.evict();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                synchronized (released) {
                    if (used.get() > limit - bytes) {
                        released.wait(Math.min(WAIT_SLICE_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
                    }
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release(long bytes) {
        if (bytes == 0) {
            return;
        }
        used.addAndGet(-bytes);
        wakeWaiters();
    }

    /** A connection ended: a requester waiting for it (or waiting while it was closed itself) looks again. */
    void wakeWaiters() {
        if (waiting.get() > 0) {
            synchronized (released) {
                released.notifyAll();
            }
        }
    }

    private TcpConnection largestOther(TcpConnection requester) {
        TcpConnection largest = null;
        long most = 0;
        for (TcpConnection holder : holders.get()) {
            long held = holder.heldBytes();
            if (holder != requester && held > most && holder.isOpen()) {
                largest = holder;
                most = held;
            }
        }
        return largest;
    }

    // The words of its Failures and close reasons, in one place.

    /** The requester's echo did not fit and it would hold the most itself. */
    Failure echoRefused(TcpConnection connection, long bytes) {
        return failure(connection, Operation.SEND, TcpText.TEXT.get("budget.echo.refused", peer(connection),
                size(bytes), full()));
    }

    /** The requester's frame could not grow and it would hold the most itself. */
    Failure frameRefused(TcpConnection connection, long requested, long frameBytes) {
        return failure(connection, Operation.RECEIVE, TcpText.TEXT.get("budget.frame.refused", peer(connection),
                size(frameBytes), size(requested), full()));
    }

    /** The connection holding the most, closed for another's need. */
    Failure evicted(TcpConnection connection, long frame, long echoed) {
        boolean mostlyFrame = frame >= echoed;
        return failure(connection, mostlyFrame ? Operation.RECEIVE : Operation.SEND, TcpText.TEXT.get(
                mostlyFrame ? "budget.evicted.frame" : "budget.evicted.echo", peer(connection),
                size(frame + echoed), full()));
    }

    private static Failure failure(TcpConnection connection, Operation operation, String message) {
        return new Failure(Instant.now(), connection.id(), connection.local(), connection.remote(), operation,
                FailureKind.LIMIT_EXCEEDED, message, "");
    }

    private static String peer(TcpConnection connection) {
        return Endpoints.describe(connection.remote());
    }

    /** "the listener's memory budget of 96 MiB (95.5 MiB held)" */
    String full() {
        return TcpText.TEXT.get("budget.full." + owner, ByteSizes.describe(limit), ByteSizes.describe(used.get()));
    }

    String closeDetail() {
        return TcpText.TEXT.get("budget.close." + owner, ByteSizes.describe(limit));
    }

    static String size(long bytes) {
        return bytes == 1 ? TcpText.TEXT.get("size.one")
                : bytes < ByteSizes.KIB ? TcpText.TEXT.get("size.other", bytes) : ByteSizes.describe(bytes);

    }
}
