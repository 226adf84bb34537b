package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.udp.MulticastMembership;
import com.socketworkbench.engine.udp.UdpConfig;
import com.socketworkbench.engine.udp.UdpEndpoint;
import com.socketworkbench.ui.input.BindAddressInput;
import com.socketworkbench.ui.input.HostInput;
import com.socketworkbench.ui.input.PortInput;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The UDP tab's settings as typed and remembered: where the socket binds, where datagrams go, broadcast, address
 * reuse, the receive buffer to ask for and the receive limit, and the multicast TTL and loopback a new session starts
 * with.
 * Loaded from the tab's preferences when made; {@link #save} writes them back.
 */
final class UdpSettings {
    static final String PREF_BIND = "bindHost";
    static final String PREF_PORT = "port";
    static final String PREF_TARGET_HOST = "targetHost";
    static final String PREF_TARGET_PORT = "targetPort";
    static final String PREF_BROADCAST = "broadcast";
    static final String PREF_REUSE_ADDRESS = "reuseAddress";
    static final String PREF_RECEIVE_BUFFER = "receiveBufferKiB";
    static final String PREF_TTL = "multicastTtl";
    static final String PREF_LOOPBACK = "multicastLoopback";
    static final String PREF_RECEIVE_LIMIT = "receiveLimit";
    static final String PREF_GROUP = "multicastGroup";
    static final String PREF_INTERFACE = "multicastInterface";
    static final String NODE_GROUPS = "multicastGroups";
    static final String PREF_GROUP_ADDRESS = "group";
    static final String PREF_GROUP_INTERFACE = "interface";
    static final int DEFAULT_PORT = 5000;
    static final int DEFAULT_RECEIVE_BUFFER_KIB = UdpConfig.DEFAULT_RECEIVE_BUFFER / 1024;
    static final int MAX_RECEIVE_BUFFER_KIB = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(UdpSettings.class);

    private final AppPreferences preferences;
    private final BindAddressInput bindAddress;
    private final PortInput port;
    private final HostInput targetHost;
    private final PortInput targetPort;
    private final BooleanProperty broadcast = new SimpleBooleanProperty(this, "broadcast");
    private final BooleanProperty reuseAddress = new SimpleBooleanProperty(this, "reuseAddress");
    private final ObjectProperty<Integer> receiveBufferKiB = new SimpleObjectProperty<>(this, "receiveBufferKiB");
    private final ObjectProperty<Integer> receiveLimit =
            new SimpleObjectProperty<>(this, "receiveLimit", UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE);

    UdpSettings(AppPreferences preferences) {
        this.preferences = preferences;
        bindAddress = new BindAddressInput(BindAddressInput.Inbound.DATAGRAMS,
                preferences.get(PREF_BIND, "127.0.0.1"));
        port = PortInput.toListenOn(Integer.toString(preferences.getInt(PREF_PORT, DEFAULT_PORT)));
        targetHost = new HostInput(preferences.get(PREF_TARGET_HOST, "127.0.0.1"));
        targetPort = PortInput.toReach(Integer.toString(preferences.getInt(PREF_TARGET_PORT, DEFAULT_PORT)));
        broadcast.set(preferences.getBoolean(PREF_BROADCAST, false));
        reuseAddress.set(preferences.getBoolean(PREF_REUSE_ADDRESS, false));
        // Reuse address decides whether a port another socket holds can be bound too.
        port.forgetFindingOn(bindAddress.choiceProperty(), reuseAddress);
        receiveBufferKiB.set(clamp(preferences.getInt(PREF_RECEIVE_BUFFER, DEFAULT_RECEIVE_BUFFER_KIB), 1,
                MAX_RECEIVE_BUFFER_KIB, DEFAULT_RECEIVE_BUFFER_KIB));
        receiveLimit.set(clamp(preferences.getInt(PREF_RECEIVE_LIMIT, UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE), 1,
                UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE, UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE));
    }

    /**
     * Gives {@code multicast} the group as typed, the interface and the groups joined when the settings were saved
     * (joined again at the next Start). A group that is no longer an address, or a saved entry without one, is
     * skipped.
     */
    void restoreMulticast(MulticastModel multicast) {
        multicast.groupProperty().set(preferences.get(PREF_GROUP, ""));
        multicast.networkInterfaceProperty().set(MulticastInterfaceChoice.named(preferences.get(PREF_INTERFACE,
                null)));
        List<MulticastMembership> joined = new ArrayList<>();
        Preferences node = preferences.node();
        try {
            if (node.nodeExists(NODE_GROUPS)) {
                Preferences groups = node.node(NODE_GROUPS);
                String[] names = groups.childrenNames();
                Arrays.sort(names);
                for (String name : names) {
                    Preferences entry = groups.node(name);
                    String address = entry.get(PREF_GROUP_ADDRESS, "");
                    String interfaceName = entry.get(PREF_GROUP_INTERFACE, "");
                    if (!MulticastGroupCheck.problem(address).isEmpty() || address.isBlank()
                            || interfaceName.isBlank()) {
                        continue;
                    }
                    joined.add(new MulticastMembership(InetAddress.ofLiteral(address.strip()), interfaceName));
                }
            }
        } catch (BackingStoreException | IllegalArgumentException | IllegalStateException e) {
            LOG.warn("Could not read the saved multicast groups: {}", e.getMessage());
        }
        multicast.groups().setAll(joined);
    }

    /** The multicast TTL / hop limit remembered from the last session. */
    int savedMulticastTtl() {
        return clamp(preferences.getInt(PREF_TTL, 1), 0, 255, 1);
    }

    /** Multicast loopback as remembered from the last session. */
    boolean savedMulticastLoopback() {
        return preferences.getBoolean(PREF_LOOPBACK, true);
    }

    /** The socket to bind on {@code bindPort} (0: a free one) with the current settings. */
    UdpConfig config(int bindPort) {
        return new UdpConfig(bindAddress.host(), bindPort, receiveBufferBytes(), broadcast.get(), reuseAddress.get());
    }

    int receiveBufferBytes() {
        return clamp(receiveBufferKiB.get(), 1, MAX_RECEIVE_BUFFER_KIB, DEFAULT_RECEIVE_BUFFER_KIB) * 1024;
    }

    /** The largest datagram delivered whole, within the engine's bounds. */
    int receiveLimit() {
        return clamp(receiveLimit.get(), 1, UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE,
                UdpEndpoint.DEFAULT_MAX_DATAGRAM_SIZE);
    }

    private static int clamp(Integer value, int min, int max, int fallback) {
        return value == null ? fallback : Math.max(min, Math.min(max, value));
    }

    /** Writes every setting, and {@code multicast}'s TTL and loopback, into the preferences; the caller flushes. */
    void save(MulticastModel multicast) {
        preferences.put(PREF_BIND, bindAddress.host());
        if (port.port() >= 0) {
            preferences.putInt(PREF_PORT, port.port());
        }
        if (targetHost.isValid()) {
            preferences.put(PREF_TARGET_HOST, targetHost.text());
        }
        if (targetPort.port() > 0) {
            preferences.putInt(PREF_TARGET_PORT, targetPort.port());
        }
        preferences.putBoolean(PREF_BROADCAST, broadcast.get());
        preferences.putBoolean(PREF_REUSE_ADDRESS, reuseAddress.get());
        preferences.putInt(PREF_RECEIVE_BUFFER, receiveBufferBytes() / 1024);
        preferences.putInt(PREF_TTL, multicast.ttl());
        preferences.putBoolean(PREF_LOOPBACK, multicast.loopbackProperty().get());
        preferences.putInt(PREF_RECEIVE_LIMIT, receiveLimit());
        String group = multicast.groupProperty().get();
        preferences.put(PREF_GROUP, group == null ? "" : group);
        MulticastInterfaceChoice choice = multicast.networkInterfaceProperty().get();
        if (choice == null || choice.name() == null) {
            preferences.node().remove(PREF_INTERFACE);
        } else {
            preferences.put(PREF_INTERFACE, choice.name());
        }
        Preferences node = preferences.node();
        try {
            if (node.nodeExists(NODE_GROUPS)) {
                node.node(NODE_GROUPS).removeNode();
            }
            Preferences groups = node.node(NODE_GROUPS);
            int index = 0;
            for (MulticastMembership membership : multicast.groups()) {
                Preferences entry = groups.node(String.format(Locale.ROOT, "%03d", index++));
                entry.put(PREF_GROUP_ADDRESS, Endpoints.addressText(membership.group()));
                entry.put(PREF_GROUP_INTERFACE, membership.interfaceName());
            }
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("Could not save the multicast groups: {}", e.getMessage());
        }
    }

    BindAddressInput bindAddress() {
        return bindAddress;
    }

    PortInput port() {
        return port;
    }

    HostInput targetHost() {
        return targetHost;
    }

    PortInput targetPort() {
        return targetPort;
    }

    BooleanProperty broadcastProperty() {
        return broadcast;
    }

    BooleanProperty reuseAddressProperty() {
        return reuseAddress;
    }

    ObjectProperty<Integer> receiveBufferKiBProperty() {
        return receiveBufferKiB;
    }

    ObjectProperty<Integer> receiveLimitProperty() {
        return receiveLimit;
    }
}
