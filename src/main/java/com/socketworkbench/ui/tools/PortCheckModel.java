package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.engine.tools.PortCheck;
import com.socketworkbench.engine.tools.Resolver;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;

/**
 * The port check: one TCP handshake to host:port (no payload) with a timeout, off the FX thread. Finished checks are
 * kept newest first, at most {@link #HISTORY_LIMIT}.
 */
public final class PortCheckModel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    public static final int DEFAULT_TIMEOUT_SECONDS = (int) PortCheck.DEFAULT_TIMEOUT.toSeconds();
    static final int HISTORY_LIMIT = 50;

    private final Resolver resolver;
    private final HostInput host;
    private final PortInput port;
    private final BooleanBinding canCheck;
    private final ObjectProperty<Integer> timeoutSeconds =
            new SimpleObjectProperty<>(this, "timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<PortCheck.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<PortCheckRow> history = FXCollections.observableArrayList();
    private final LatestOnly latest;

    public PortCheckModel(Resolver resolver, String initialHost, int initialPort, int initialTimeoutSeconds,
                          UiExecutor executor, Subscriptions subscriptions) {
        this.resolver = resolver;
        latest = new LatestOnly(executor);
        host = new HostInput(initialHost);
        port = PortInput.toReach(Integer.toString(initialPort));
        canCheck = Bindings.createBooleanBinding(() -> host.isValid() && port.isValid(), host.validProperty(),
                port.validProperty());
        timeoutSeconds.set(initialTimeoutSeconds);
        subscriptions.add(latest::close);
    }

    /** Checks {@link #host()}:{@link #port()} when both are valid, or cancels the check in progress. */
    public void toggle() {
        if (running.get()) {
            cancel();
            summary.set(TEXT.get("check.cancelled"));
            return;
        }
        if (!canCheck.get()) {
            return;
        }
        String target = host.host();
        int checkedPort = port.port();
        running.set(true);
        result.set(null);
        summary.set(TEXT.get("check.connecting", target, checkedPort));
        latest.follow(PortCheck.check(target, checkedPort, Duration.ofSeconds(timeoutSeconds()), resolver),
                outcome -> {
                    running.set(false);
                    result.set(outcome);
                    summary.set(outcome.message());
                    history.addFirst(new PortCheckRow(Instant.now(), outcome));
                    if (history.size() > HISTORY_LIMIT) {
                        history.remove(HISTORY_LIMIT, history.size());
                    }
                },
                failure -> {
                    running.set(false);
                    summary.set(TEXT.get("check.failed", target, checkedPort, failure.getMessage()));
                });
    }

    /** Forgets a running check; its socket closes on its own within the timeout. */
    public void cancel() {
        latest.forget();
        running.set(false);
    }

    int timeoutSeconds() {
        Integer value = timeoutSeconds.get();
        return value == null || value < 1 ? DEFAULT_TIMEOUT_SECONDS : value;
    }

    /** The host to check, as typed, and the verdict on it. */
    public HostInput host() {
        return host;
    }

    /** The port to check, as typed, and the verdict on it. */
    public PortInput port() {
        return port;
    }

    /** True while host and port are valid, so a check may start. */
    public ObservableBooleanValue canCheckProperty() {
        return canCheck;
    }

    public ObjectProperty<Integer> timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last check's outcome; null while one runs or before the first. */
    public ReadOnlyObjectProperty<PortCheck.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Finished checks, newest first. */
    public ObservableList<PortCheckRow> history() {
        return history;
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
