package com.socketworkbench.engine.repeat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits of a sender thread that a stop must cut short: the stopper sets its flag and unparks the thread, so a stop
 * takes effect at once even in the middle of a one-hour interval. Every park is also bounded by {@link #SLICE}, a
 * safety net should an unpark be missed.
 */
public final class StoppableWait {
    static final long SLICE = TimeUnit.MILLISECONDS.toNanos(100);

    private StoppableWait() {
    }

    /** Parks until {@code deadline} ({@link System#nanoTime()} scale); false when stopped before it. */
    public static boolean until(long deadline, BooleanSupplier stopped) {
        while (!stopped.getAsBoolean()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return true;
            }
            LockSupport.parkNanos(Math.min(remaining, SLICE));
        }
        return false;
    }

    /** Parks until {@code future} is done (it unparks this thread); false when stopped before. */
    public static boolean forFuture(CompletableFuture<?> future, BooleanSupplier stopped) {
        if (!future.isDone()) {
            Thread waiter = Thread.currentThread();
            future.whenComplete((result, failure) -> LockSupport.unpark(waiter));
        }
        while (!future.isDone()) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(SLICE);
        }
        return true;
    }

    /** Why {@code future} failed, in the words of its cause (the engine's message); empty when it did not fail. */
    public static String failureOf(CompletableFuture<?> future) {
        if (!future.isCompletedExceptionally()) {
            return "";
        }
        Throwable failure = future.exceptionNow();
        while ((failure instanceof java.util.concurrent.CompletionException
                || failure instanceof java.util.concurrent.ExecutionException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
