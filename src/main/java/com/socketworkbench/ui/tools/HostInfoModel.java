package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.engine.tools.HostInfo;
import com.socketworkbench.engine.tools.HostInfo.NetworkInterfaceInfo;
import com.socketworkbench.engine.tools.Resolver;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;

/**
 * "This host": the machine's names and interfaces, collected in the background on the first {@link #refresh()} and
 * again whenever the user asks.
 */
public final class HostInfoModel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    /** The canonical-name look-up may go to DNS; the table of interfaces should not wait long for it. */
    static final Duration NAME_TIMEOUT = Duration.ofSeconds(3);

    private final Resolver resolver;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<HostInfo> info = new ReadOnlyObjectWrapper<>(this, "info");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<NetworkInterfaceInfo> interfaces = FXCollections.observableArrayList();
    private final LatestOnly latest;
    private boolean everLoaded;

    public HostInfoModel(Resolver resolver, UiExecutor executor, Subscriptions subscriptions) {
        this.resolver = resolver;
        latest = new LatestOnly(executor);
        subscriptions.add(latest::close);
    }

    /** Collects names and interfaces again (a running collection is superseded). */
    public void refresh() {
        everLoaded = true;
        loading.set(true);
        error.set("");
        long started = System.nanoTime();
        latest.follow(HostInfo.collect(resolver, NAME_TIMEOUT), collected -> {
            loading.set(false);
            info.set(collected);
            interfaces.setAll(collected.interfaces());
            long up = collected.interfaces().stream().filter(NetworkInterfaceInfo::up).count();
            summary.set(TEXT.get(collected.interfaces().size() == 1 ? "host.summary.one" : "host.summary.other",
                    collected.hostName(), collected.interfaces().size(), up,
                    DurationText.of(Duration.ofNanos(System.nanoTime() - started))));
        }, failure -> {
            loading.set(false);
            error.set(Messages.sentence(failure.getMessage()));
            summary.set("");
        });
    }

    /** Collects on the first call only (when the tool is first shown). */
    public void refreshIfNeverLoaded() {
        if (!everLoaded) {
            refresh();
        }
    }

    /** Forgets a running collection (the tab is stopping). */
    public void cancel() {
        latest.forget();
        loading.set(false);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The last collection, or null before the first finished. */
    public ReadOnlyObjectProperty<HostInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** Why the interfaces could not be listed, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Loopback first, then by index. */
    public ObservableList<NetworkInterfaceInfo> interfaces() {
        return interfaces;
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
