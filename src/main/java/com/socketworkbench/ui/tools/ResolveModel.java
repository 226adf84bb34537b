package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.engine.tools.Resolver;
import com.socketworkbench.engine.tools.Resolver.Resolution;
import com.socketworkbench.engine.tools.Resolver.Resolved;
import com.socketworkbench.engine.tools.Resolver.ReverseResolution;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;

/**
 * The resolve tool: a name to all its addresses, and an address back to its name, each asynchronous with a timeout.
 * Only the newest request of each kind is shown; Cancel forgets a running one (the resolver's thread ends on its
 * own, see {@link Resolver}).
 */
public final class ResolveModel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    public static final int DEFAULT_TIMEOUT_SECONDS = (int) Resolver.DEFAULT_TIMEOUT.toSeconds();

    private final Resolver resolver;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty reverseAddress = new SimpleStringProperty(this, "reverseAddress", "");
    private final ObjectProperty<Integer> timeoutSeconds =
            new SimpleObjectProperty<>(this, "timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
    private final ReadOnlyBooleanWrapper resolving = new ReadOnlyBooleanWrapper(this, "resolving");
    private final ReadOnlyBooleanWrapper reversing = new ReadOnlyBooleanWrapper(this, "reversing");
    private final ReadOnlyObjectWrapper<Resolution> resolution = new ReadOnlyObjectWrapper<>(this, "resolution");
    private final ReadOnlyObjectWrapper<ReverseResolution> reverse = new ReadOnlyObjectWrapper<>(this, "reverse");
    private final ObservableList<AddressRow> addresses = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final LatestOnly forward;
    private final LatestOnly backward;

    public ResolveModel(Resolver resolver, String initialName, String initialAddress, UiExecutor executor,
                        Subscriptions subscriptions) {
        this.resolver = resolver;
        forward = new LatestOnly(executor);
        backward = new LatestOnly(executor);
        name.set(initialName);
        reverseAddress.set(initialAddress);
        subscriptions.add(forward::close);
        subscriptions.add(backward::close);
    }

    /** Looks the name up, or cancels the look-up in progress. */
    public void toggleResolve() {
        if (resolving.get()) {
            forward.forget();
            resolving.set(false);
            summary.set(TEXT.get("resolve.cancelled", name.get().strip()));
            return;
        }
        String query = name.get() == null ? "" : name.get().strip();
        resolving.set(true);
        resolution.set(null);
        addresses.clear();
        summary.set(TEXT.get("resolve.lookingUp", query));
        forward.follow(resolver.resolve(query, timeout()), result -> {
            resolving.set(false);
            resolution.set(result);
            if (result instanceof Resolved resolved) {
                addresses.setAll(resolved.addresses().stream().map(AddressRow::of).toList());
            }
            summary.set(result.summary());
        }, failure -> {
            resolving.set(false);
            summary.set(TEXT.get("resolve.failed", query, failure.getMessage()));
        });
    }

    /** Looks the address's name up, or cancels the look-up in progress. */
    public void toggleReverse() {
        if (reversing.get()) {
            backward.forget();
            reversing.set(false);
            return;
        }
        reversing.set(true);
        reverse.set(null);
        backward.follow(resolver.reverse(reverseAddress.get(), timeout()), result -> {
            reversing.set(false);
            reverse.set(result);
            summary.set(result.message());
        }, failure -> reversing.set(false));
    }

    /** Forgets running look-ups (the tab is stopping). */
    public void cancel() {
        forward.forget();
        backward.forget();
        resolving.set(false);
        reversing.set(false);
    }

    private Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds());
    }

    int timeoutSeconds() {
        Integer value = timeoutSeconds.get();
        return value == null || value < 1 ? DEFAULT_TIMEOUT_SECONDS : value;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty reverseAddressProperty() {
        return reverseAddress;
    }

    public ObjectProperty<Integer> timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ReadOnlyBooleanProperty resolvingProperty() {
        return resolving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reversingProperty() {
        return reversing.getReadOnlyProperty();
    }

    /** The last forward look-up's outcome; null while one runs or before the first. */
    public ReadOnlyObjectProperty<Resolution> resolutionProperty() {
        return resolution.getReadOnlyProperty();
    }

    /** The last reverse look-up's outcome; null while one runs or before the first. */
    public ReadOnlyObjectProperty<ReverseResolution> reverseProperty() {
        return reverse.getReadOnlyProperty();
    }

    /** The addresses of the last successful forward look-up, in the resolver's order. */
    public ObservableList<AddressRow> addresses() {
        return addresses;
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
