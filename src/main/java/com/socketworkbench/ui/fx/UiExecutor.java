package com.socketworkbench.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How a view model runs engine calls that may block (bind, stop, disconnect) off the UI thread and gets their outcome
 * back onto it, exactly once per call. These are one-off state changes, so one hand-over each is fine; data never
 * goes this way (that is the {@link EventPump}'s job).
 *
 * <p>Injected, never static: the window makes one {@link FxUiExecutor} and hands it to every tab through its
 * {@code TabContext}, the tabs hand it to their view models. A view-model test passes a synchronous executor that runs
 * the work and the outcome on the calling thread, so the model can be driven by a plain test thread, without a
 * toolkit, against real loopback peers.
 */
public interface UiExecutor {

    /** Calls {@code work} off the UI thread (thread name {@code threadName}); then {@code onSuccess} or
     * {@code onFailure} on the UI thread. */
    <T> void run(String threadName, Callable<T> work, Consumer<? super T> onSuccess,
                 Consumer<? super Throwable> onFailure);

    /** Like {@link #run(String, Callable, Consumer, Consumer)} for work without a result and nothing to report but
     * completion. */
    default void run(String threadName, Runnable work, Runnable onDone) {
        run(threadName, () -> {
            work.run();
            return null;
        }, ignored -> onDone.run(), ignored -> onDone.run());
    }

    /**
     * Runs {@code action} on the UI thread after the current pulse (closing the window from inside a pulse listener,
     * say). For one-off hand-overs only, never per event.
     */
    void later(Runnable action);

    /** Delivers a future's outcome on the UI thread; the failure is unwrapped from completion wrappers. */
    <T> void onFx(CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> action);

    /**
     * A clock that calls {@code action} on the UI thread once per frame while it is started (a progress read-out
     * while a request runs). Stopped at first.
     */
    FrameTicker frameTicker(Runnable action);

    /** The interesting cause inside {@link CompletionException}/{@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
