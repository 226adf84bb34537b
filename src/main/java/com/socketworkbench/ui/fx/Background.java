package com.socketworkbench.ui.fx;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Runs engine calls that may block (bind, stop, disconnect) off the FX thread and hands the outcome back to it
 * exactly once. These are one-off state changes, so one {@link Platform#runLater} each is fine; data never goes
 * this way (that is the {@link EventPump}'s job).
 */
public final class Background {
    private Background() {
    }

    /** Calls {@code work} on a new named virtual thread; then {@code onSuccess} or {@code onFailure} on the FX thread. */
    public static <T> void run(String threadName, Callable<T> work, Consumer<? super T> onSuccess,
                               Consumer<? super Throwable> onFailure) {
        Thread.ofVirtual().name(threadName).start(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable failure) {
                Platform.runLater(() -> onFailure.accept(failure));
            }
        });
    }

    /** Like {@link #run} for work without a result and nothing to report but completion. */
    public static void run(String threadName, Runnable work, Runnable onDone) {
        run(threadName, () -> {
            work.run();
            return null;
        }, ignored -> onDone.run(), ignored -> onDone.run());
    }

    /** Delivers a future's outcome on the FX thread; the failure is unwrapped from completion wrappers. */
    public static <T> void onFx(CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> action) {
        future.whenComplete((result, failure) ->
                Platform.runLater(() -> action.accept(result, failure == null ? null : unwrap(failure))));
    }

    /** The interesting cause inside {@link CompletionException}/{@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
