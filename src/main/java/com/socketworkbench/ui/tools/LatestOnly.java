package com.socketworkbench.ui.tools;

import com.socketworkbench.ui.fx.UiExecutor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands the outcome of the newest of a series of asynchronous requests to the FX thread and drops the rest: a
 * look-up the user started again, cancelled, or that finishes after the tab closed must not overwrite what is shown.
 * FX thread only.
 */
final class LatestOnly {
    private final UiExecutor executor;
    private long generation;
    private boolean closed;

    LatestOnly(UiExecutor executor) {
        this.executor = executor;
    }

    /** Follows {@code future} from now on, forgetting any earlier request; the callbacks run on the FX thread. */
    <T> void follow(CompletableFuture<T> future, Consumer<? super T> onResult, Consumer<? super Throwable> onFailure) {
        long mine = ++generation;
        executor.onFx(future, (result, failure) -> {
            if (closed || mine != generation) {
                return;
            }
            if (failure != null) {
                onFailure.accept(failure);
            } else {
                onResult.accept(result);
            }
        });
    }

    /** Ignores whatever is still running; its result will not be delivered. */
    void forget() {
        generation++;
    }

    /** Delivers nothing any more (the tab was disposed). */
    void close() {
        closed = true;
        generation++;
    }

    /** Runs {@code work} on a new named virtual thread, for blocking reads the engine offers only synchronously. */
    static <T> CompletableFuture<T> onVirtualThread(String threadName, Supplier<T> work) {
        Executor executor = task -> Thread.ofVirtual().name(threadName).start(task);
        return CompletableFuture.supplyAsync(work, executor);
    }
}
