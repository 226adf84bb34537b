package com.socketworkbench.engine.repeat;

import com.socketworkbench.engine.fields.FieldTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a {@link FieldTemplate}'s next payload to a {@link SendSink} every {@link RepeatPlan#interval()}, on one
 * virtual thread named {@code periodic-send-N}.
 *
 * <p>Scheduling is from the start time: send k is due at {@code start + k × interval} (plus that send's jitter), never
 * "interval after the previous send", so the time a send takes does not add up into drift. Each send waits for the
 * sink's future (the bytes written) before the next one, so the send queue never grows.
 *
 * <p>Falling behind (a slow peer, a busy machine): a send whose slot is already past goes at once; slots more than
 * {@link #CATCH_UP} in the past are not sent late in a burst but skipped, counted in {@link #skipped()}, and the
 * schedule goes on from the newest slot due. A skipped slot does not count towards the plan's count: a run of N makes
 * N sends. So at most {@code CATCH_UP / interval} sends go back to back.
 *
 * <p>{@link #stop()} takes effect within milliseconds at any interval: the thread parks with a timeout and the stop
 * unparks it. A send that fails (the connection is gone) ends the run with the engine's reason.
 */
public final class PeriodicSender {
    /** How far behind its schedule a send may still go out late; older slots are skipped. */
    public static final long CATCH_UP_MILLIS = 100;
    static final long CATCH_UP = TimeUnit.MILLISECONDS.toNanos(CATCH_UP_MILLIS);
    private static final Logger log = LoggerFactory.getLogger(PeriodicSender.class);
    private static final AtomicLong NAMES = new AtomicLong();

    private final FieldTemplate template;
    private final RepeatPlan plan;
    private final SendSink sink;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CompletableFuture<RepeatOutcome> done = new CompletableFuture<>();
    private volatile boolean stopped;
    private volatile Thread thread;

    private PeriodicSender(FieldTemplate template, RepeatPlan plan, SendSink sink) {
        this.template = Objects.requireNonNull(template, "template");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Starts sending {@code template}'s payloads to {@code sink} as {@code plan} says; the first send goes at once. */
    public static PeriodicSender start(FieldTemplate template, RepeatPlan plan, SendSink sink) {
        PeriodicSender sender = new PeriodicSender(template, plan, sink);
        sender.thread = Thread.ofVirtual().name("periodic-send-" + NAMES.incrementAndGet()).unstarted(sender::run);
        sender.thread.start();
        return sender;
    }

    private void run() {
        RepeatOutcome outcome;
        try {
            outcome = loop();
        } catch (RuntimeException | Error e) {
            log.warn("Periodic send ended by an error", e);
            outcome = outcome(RepeatOutcome.Ending.FAILED, String.valueOf(e.getMessage()));
        }
        done.complete(outcome);
    }

    private RepeatOutcome loop() {
        long interval = plan.interval().toNanos();
        long jitter = plan.jitter().toNanos();
        long start = System.nanoTime();
        long slot = 0;
        while (plan.untilStopped() || sent.get() < plan.count()) {
            long due = start + slot * interval + (jitter == 0 ? 0
                    : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
            if (!StoppableWait.until(due, this::isStopped)) {
                return outcome(RepeatOutcome.Ending.STOPPED, "");
            }
            long late = System.nanoTime() - (start + slot * interval);
            if (late > CATCH_UP) {
                long newest = slot + late / interval;
                skipped.addAndGet(newest - slot);
                slot = newest;
            }
            CompletableFuture<?> written;
            try {
                written = sink.send(template.next());
            } catch (RuntimeException e) {
                written = CompletableFuture.failedFuture(e);
            }
            if (!StoppableWait.forFuture(written, this::isStopped)) {
                return outcome(RepeatOutcome.Ending.STOPPED, "");
            }
            String failure = StoppableWait.failureOf(written);
            if (!failure.isEmpty()) {
                return outcome(RepeatOutcome.Ending.FAILED, failure);
            }
            sent.incrementAndGet();
            slot++;
        }
        return outcome(RepeatOutcome.Ending.COMPLETED, "");
    }

    private RepeatOutcome outcome(RepeatOutcome.Ending ending, String reason) {
        return new RepeatOutcome(ending, sent.get(), skipped.get(), reason);
    }

    private boolean isStopped() {
        return stopped;
    }

    /** Ends the run: no send starts after this returns; the thread ends within milliseconds. Idempotent. */
    public void stop() {
        stopped = true;
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    /** Sends made so far (written), live. */
    public long sent() {
        return sent.get();
    }

    /** Slots skipped so far because the sender was more than {@link #CATCH_UP_MILLIS} ms behind. */
    public long skipped() {
        return skipped.get();
    }

    public RepeatPlan plan() {
        return plan;
    }

    /** Completes once the thread has ended, with how the run ended. */
    public CompletableFuture<RepeatOutcome> done() {
        return done;
    }

    public boolean isRunning() {
        return !done.isDone();
    }
}
