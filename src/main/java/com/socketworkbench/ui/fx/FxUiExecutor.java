package com.socketworkbench.ui.fx;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The app's {@link UiExecutor}: work runs on a new named virtual thread, its outcome comes back to the FX thread with
 * one {@link Platform#runLater}; frame tickers are {@link AnimationTimer}s.
 */
public final class FxUiExecutor implements UiExecutor {

    @Override
    public void later(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public <T> void run(String threadName, Callable<T> work, Consumer<? super T> onSuccess,
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

    @Override
    public <T> void onFx(CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> action) {
        future.whenComplete((result, failure) ->
                Platform.runLater(() -> action.accept(result, failure == null ? null : UiExecutor.unwrap(failure))));
    }

    @Override
    public FrameTicker frameTicker(Runnable action) {
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                action.run();
            }
        };
        return new FrameTicker() {
            @Override
            public void start() {
                timer.start();
            }

            @Override
            public void stop() {
                timer.stop();
            }
        };
    }
}
