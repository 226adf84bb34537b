package com.socketworkbench.engine.scenario;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one run's stop switch and deadline: every wait of a run (an expect, a connect, a send, a {@code wait:} step)
 * goes through here, so that Stop and the global timeout end it at once instead of after its own timeout.
 */
final class RunControl {
    private static final long SLICE = TimeUnit.MILLISECONDS.toNanos(50);

    /** Why a run stopped early. */
    enum Stop { CANCELLED, TIMED_OUT }

    /** Thrown out of a wait when the run is stopped. */
    static final class Stopped extends Exception {
        final Stop why;

        Stopped(Stop why) {
            super(why.name(), null, false, false);
            this.why = why;
        }
    }

    private final long globalDeadline;
    private final List<Runnable> wakers = new CopyOnWriteArrayList<>();
    private final Object sleeper = new Object();
    private volatile Stop stop;

    /** {@code globalDeadline}: a {@link System#nanoTime()} value, or {@link Long#MAX_VALUE} for none. */
    RunControl(long globalDeadline) {
        this.globalDeadline = globalDeadline;
    }

    /** Something to wake when the run stops (an inbox's waiting expect). */
    void onStop(Runnable waker) {
        wakers.add(waker);
    }

    void stop(Stop why) {
        if (stop == null) {
            stop = why;
        }
        wakers.forEach(Runnable::run);
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    Stop stopped() {
        return stop;
    }

    /** Throws when the run is stopped or past its global deadline. */
    void check() throws Stopped {
        if (stop == null && System.nanoTime() - globalDeadline >= 0) {
            stop(Stop.TIMED_OUT);
        }
        if (stop != null) {
            throw new Stopped(stop);
        }
    }

    /** The earlier of {@code deadline} and the run's global deadline. */
    long limit(long deadline) {
        return deadline - globalDeadline < 0 ? deadline : globalDeadline;
    }

    /** Nanos from now to {@code deadline} (a nanoTime value), or a huge value when there is none. */
    static long deadlineAfter(java.time.Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }

    /** Waits for {@code future} until {@code deadline}, checking for Stop in short slices. */
    <T> T await(CompletableFuture<T> future, long deadline) throws Stopped, TimeoutException, ExecutionException {
        while (true) {
            check();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException();
            }
            try {
                return future.get(Math.min(left, SLICE), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slice) {
                // Look at the switch, then wait on.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(Stop.CANCELLED);
            }
        }
    }

    /** Sleeps until {@code deadline} or Stop. */
    void sleepUntil(long deadline) throws Stopped {
        synchronized (sleeper) {
            while (true) {
                check();
                long left = limit(deadline) - System.nanoTime();
                if (left <= 0) {
                    check();
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(sleeper, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop(Stop.CANCELLED);
                }
            }
        }
    }
}
