package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.udp.MulticastMembership;
import com.socketworkbench.engine.udp.UdpEndpoint;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The multicast part of the UDP tab: the group to join, the interface, TTL/hop limit and loopback (applied to the
 * tab's endpoint at once and to every new one), the joined groups, and one inline message that explains a wrong
 * address, a refused join, or that the socket must be bound first. Joining and leaving run off the FX thread.
 *
 * <p>The groups outlive Stop: the list keeps them while stopped, and the next Start's endpoint joins them again
 * ({@link UdpEndpoint#joinAtStart}); once bound, the list shows what that socket has joined.
 */
public final class MulticastModel {
    private final StringProperty group = new SimpleStringProperty(this, "group", "");
    private final ObjectProperty<MulticastInterfaceChoice> networkInterface =
            new SimpleObjectProperty<>(this, "networkInterface", MulticastInterfaceChoice.DEFAULT);
    private final ObjectProperty<Integer> ttl = new SimpleObjectProperty<>(this, "ttl");
    private final BooleanProperty loopback = new SimpleBooleanProperty(this, "loopback");
    private final ReadOnlyBooleanWrapper bound = new ReadOnlyBooleanWrapper(this, "bound");
    private final ObservableList<MulticastMembership> groups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final BooleanBinding canJoin;
    private final UiExecutor executor;
    private UdpEndpoint endpoint;
    private String joinError = "";

    MulticastModel(int initialTtl, boolean initialLoopback, UiExecutor executor, Subscriptions subscriptions) {
        this.executor = executor;
        ttl.set(initialTtl);
        loopback.set(initialLoopback);
        canJoin = Bindings.createBooleanBinding(() -> bound.get() && !group.get().isBlank()
                && MulticastGroupCheck.problem(group.get()).isEmpty(), bound, group);
        subscriptions.listen(ttl, (obs, old, value) -> {
            if (endpoint != null && value != null) {
                endpoint.setMulticastTtl(ttl());
            }
        });
        subscriptions.listen(loopback, (obs, old, on) -> {
            if (endpoint != null) {
                endpoint.setMulticastLoopback(on);
            }
        });
        subscriptions.listen(networkInterface, (obs, old, choice) -> {
            if (endpoint != null) {
                applyInterface(endpoint);
            }
        });
        subscriptions.subscribe(group, text -> {
            joinError = "";
            updateMessage();
        });
        subscriptions.listen(bound, (obs, old, isBound) -> {
            if (!isBound) {
                joinError = "";
            }
            updateMessage();
        });
    }

    /** Gives a new endpoint the current settings, and the groups to join when it binds. */
    void configure(UdpEndpoint created) {
        created.setMulticastTtl(ttl());
        created.setMulticastLoopback(loopback.get());
        applyInterface(created);
        created.joinAtStart(List.copyOf(groups));
    }

    /**
     * The endpoint settings changes apply to (null when there is none) and whether it is bound; once bound, the list
     * shows the groups its socket joined (one it could not join again came as a Failure event and is gone).
     */
    void use(UdpEndpoint current, boolean isBound) {
        endpoint = current;
        bound.set(current != null && isBound);
        if (bound.get()) {
            groups.setAll(current.multicastGroups());
        }
    }

    /** An unknown interface comes back as the engine's Failure event, see {@link #showFailure}. */
    private void applyInterface(UdpEndpoint target) {
        MulticastInterfaceChoice choice = networkInterface.get();
        target.setMulticastInterface(choice == null ? null : choice.name());
    }

    /** Shows the message of a multicast Failure the engine reported (a refused join, an unknown interface...). */
    void showFailure(String failureMessage) {
        joinError = failureMessage;
        updateMessage();
    }

    int ttl() {
        Integer value = ttl.get();
        return value == null ? 1 : Math.max(0, Math.min(255, value));
    }

    /** Joins the typed group on the chosen interface; problems show in {@link #messageProperty()}. */
    public void join() {
        String text = group.get().strip();
        UdpEndpoint joining = endpoint;
        if (!canJoin.get() || joining == null) {
            updateMessage();
            return;
        }
        MulticastInterfaceChoice choice = networkInterface.get();
        String interfaceName = choice == null ? null : choice.name();
        joinError = "";
        executor.run("ui-udp-join", () -> {
            joining.joinGroup(text, interfaceName);
            return joining.multicastGroups();
        }, joined -> {
            if (endpoint == joining) {
                groups.setAll(joined);
                updateMessage();
            }
        }, failure -> {
            // Why arrives as the engine's Failure event (showFailure); the list shows what is joined.
            if (endpoint == joining) {
                groups.setAll(joining.multicastGroups());
            }
        });
    }

    /** Leaves one joined group on its interface; while stopped, takes it off the groups the next start joins. */
    public void leave(MulticastMembership membership) {
        if (membership == null) {
            return;
        }
        UdpEndpoint member = endpoint;
        if (member == null) {
            groups.remove(membership);
            return;
        }
        executor.run("ui-udp-leave", () -> {
            member.leaveGroup(Endpoints.addressText(membership.group()), membership.interfaceName());
            return member.multicastGroups();
        }, left -> {
            if (endpoint == member) {
                groups.setAll(left);
            }
        }, failure -> {
            if (endpoint == member) {
                groups.setAll(member.multicastGroups());
            }
        });
    }

    private void updateMessage() {
        String problem = MulticastGroupCheck.problem(group.get());
        if (!joinError.isEmpty() || !problem.isEmpty()) {
            message.set(joinError.isEmpty() ? problem : joinError);
            messageIsError.set(true);
        } else if (!bound.get() && !group.get().isBlank()) {
            message.set(UdpText.TEXT.get("multicast.start.first"));

            messageIsError.set(false);
        } else {
            message.set("");
            messageIsError.set(false);
        }
    }

    /** The group address typed by the user. */
    public StringProperty groupProperty() {
        return group;
    }

    public ObjectProperty<MulticastInterfaceChoice> networkInterfaceProperty() {
        return networkInterface;
    }

    /** IP_MULTICAST_TTL / the IPv6 hop limit, 0–255. */
    public ObjectProperty<Integer> ttlProperty() {
        return ttl;
    }

    /** IP_MULTICAST_LOOP: this host's own members receive what the socket sends to a group. */
    public BooleanProperty loopbackProperty() {
        return loopback;
    }

    /** The joined groups while bound; while stopped, the groups the next start joins again. */
    public ObservableList<MulticastMembership> groups() {
        return groups;
    }

    /** True while the tab's socket is bound, so the groups are joined now rather than at the next start. */
    public ReadOnlyBooleanProperty boundProperty() {
        return bound.getReadOnlyProperty();
    }

    /** An invalid group, a refused join, or the hint to start first; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** False when {@link #messageProperty()} is only a hint. */
    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public BooleanBinding canJoinBinding() {
        return canJoin;
    }
}
