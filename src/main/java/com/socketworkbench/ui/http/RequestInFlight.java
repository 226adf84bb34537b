package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.HttpExchanger;
import com.socketworkbench.engine.http.UpgradedConnection;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RequestOptions;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.ui.fx.FrameTicker;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The HTTP tab's request in flight, one at a time, sent through the tab's {@link HttpExchanger} off the FX thread.
 * Its progress is read once per frame while it runs (the exchange thread only stores it); its outcome comes back to
 * the FX thread once. After {@link #close} an exchange that still arrives is only closed.
 */
final class RequestInFlight {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private final HttpExchanger exchanger;
    private final UiExecutor executor;
    private final Runnable progressChanged;
    private final FrameTicker progressTicker;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private ExchangeProgress running;
    private CompletableFuture<HttpExchange> inFlight;
    private boolean closed;

    /** {@code progressChanged} runs on the FX thread whenever the progress text changed while a request runs. */
    RequestInFlight(HttpExchanger exchanger, UiExecutor executor, Subscriptions subscriptions,
                    Runnable progressChanged) {
        this.exchanger = exchanger;
        this.executor = executor;
        this.progressChanged = progressChanged;
        progressTicker = executor.frameTicker(this::showProgress);
        subscriptions.add(progressTicker::stop);
    }

    /** The connection the last exchange's 101 switched to WebSocket, once (see {@link HttpExchanger#takeUpgraded}). */
    Optional<UpgradedConnection> takeUpgraded() {
        return exchanger.takeUpgraded();
    }

    /**
     * Sends {@code prepared} to {@code target}; {@code done} gets the exchange (a cancelled or failed one included)
     * or the failure that kept it from being made, on the FX thread, once the progress shows the outcome.
     */
    void send(HttpTarget target, PreparedRequest prepared, RequestOptions options,
              BiConsumer<HttpExchange, Throwable> done) {
        ExchangeProgress listener = new ExchangeProgress();
        CompletableFuture<HttpExchange> future = exchanger.send(target, prepared, options, listener);
        inFlight = future;
        running = listener;
        busy.set(true);
        showProgress();
        progressTicker.start();
        executor.onFx(future, (exchange, failure) -> finished(future, exchange, failure, done));
    }

    private void finished(CompletableFuture<HttpExchange> future, HttpExchange exchange, Throwable failure,
                          BiConsumer<HttpExchange, Throwable> done) {
        if (closed) {
            if (exchange != null) {
                executor.run("http-release", exchange::close, () -> { });
            }
            return;
        }
        if (future != inFlight) {
            return;
        }
        inFlight = null;
        running = null;
        progressTicker.stop();
        busy.set(false);
        progress.set(failure != null || exchange == null ? ""
                : TEXT.get("progress.finished", exchange.failure().orElse(TEXT.get("phase.done")),
                        DurationText.of(exchange.timing().total())));
        done.accept(exchange, failure);
    }

    private void showProgress() {
        ExchangeProgress current = running;
        if (current != null) {
            String text = current.describe();
            if (!text.equals(progress.get())) {
                progress.set(text);
                progressChanged.run();
            }
        }
    }

    /** Stops the request in flight (its exchange still comes back, marked cancelled). */
    void cancel() {
        if (busy.get()) {
            progress.set(TEXT.get("progress.cancelling"));
            executor.run("http-cancel", exchanger::cancel, () -> { });
        }
    }

    /** Closes the kept-alive connection and cancels a request in flight (off the FX thread). */
    void stop() {
        boolean wasBusy = busy.get();
        executor.run("http-stop", () -> {
            if (wasBusy) {
                exchanger.cancel();
            }
            exchanger.closeConnection();
        }, () -> { });
    }

    /** Closes the exchanger, then runs {@code alsoOffFx} on the same worker; nothing is sent any more. */
    void close(Runnable alsoOffFx) {
        closed = true;
        progressTicker.stop();
        executor.run("http-dispose", () -> {
            exchanger.close();
            alsoOffFx.run();
        }, () -> { });
    }

    boolean isBusy() {
        return busy.get();
    }

    boolean isClosed() {
        return closed;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
