package com.socketworkbench.ui.fx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The synchronous {@link UiExecutor} for view-model tests: the calling thread plays the UI thread. Work and its
 * outcome run on it before {@code run} returns; {@code onFx} waits (bounded) for the future and then delivers on it;
 * frame tickers tick only when the test calls {@link #tickFrames()}. No toolkit is needed, and a test sees every
 * state change of an action as soon as the action returns.
 */
public final class CurrentThreadUiExecutor implements UiExecutor {
    /** How long {@code onFx} waits for a future before it fails the test. */
    public static final Duration WAIT_LIMIT = Duration.ofSeconds(20);

    private final List<Ticker> tickers = new ArrayList<>();

    /** Runs {@code action} at once: the calling thread is the UI thread. */
    @Override
    public void later(Runnable action) {
        action.run();
    }

    @Override
    public <T> void run(String threadName, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public <T> void onFx(CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> action) {
        T result;
        try {
            result = future.get(WAIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failure) {
            action.accept(null, UiExecutor.unwrap(failure));
            return;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the future did not complete within " + WAIT_LIMIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a future", e);
        } catch (CancellationException cancelled) {
            action.accept(null, cancelled);
            return;
        }
        action.accept(result, null);
    }

    @Override
    public FrameTicker frameTicker(Runnable action) {
        Ticker ticker = new Ticker(action);
        tickers.add(ticker);
        return ticker;
    }

    /** One frame: every started ticker runs once. */
    public void tickFrames() {
        for (Ticker ticker : List.copyOf(tickers)) {
            if (ticker.started) {
                ticker.action.run();
            }
        }
    }

    /** True while any ticker is started (a request's progress read-out is running). */
    public boolean anyTickerStarted() {
        return tickers.stream().anyMatch(ticker -> ticker.started);
    }

    private static final class Ticker implements FrameTicker {
        private final Runnable action;
        private boolean started;

        Ticker(Runnable action) {
            this.action = action;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public void stop() {
            started = false;
        }
    }
}
