package com.socketworkbench.ui.udp;

import com.socketworkbench.ui.sendfile.SendToolsSnapshot;
import com.socketworkbench.engine.udp.MulticastMembership;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;
import com.socketworkbench.ui.traffic.SendEditorSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A workspace's UDP tab: bind, target, options, multicast (the group as typed, the interface, the groups the next
 * Start joins) and the send editor, saved into the tab's node and shown again by a model over a copy of it.
 */
@Timeout(60)
class UdpSettingsRoundTripTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<UdpViewModel> models = new ArrayList<>();

    @AfterEach
    void tearDown() {
        models.forEach(UdpViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private UdpViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        UdpViewModel model = new UdpViewModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    private static Map<String, Object> snapshot(UdpViewModel model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("bindHost", model.bindAddress().host());
        values.put("port", model.port().text());
        values.put("targetHost", model.targetHost().text());
        values.put("targetPort", model.targetPort().text());
        values.put("broadcast", model.broadcastProperty().get());
        values.put("reuseAddress", model.reuseAddressProperty().get());
        values.put("receiveBufferKiB", model.receiveBufferKiBProperty().get());
        values.put("receiveLimit", model.receiveLimitProperty().get());
        MulticastModel multicast = model.multicast();
        values.put("multicastTtl", multicast.ttlProperty().get());
        values.put("multicastLoopback", multicast.loopbackProperty().get());
        values.put("multicastGroup", multicast.groupProperty().get());
        values.put("multicastInterface", multicast.networkInterfaceProperty().get());
        values.put("multicastGroups", List.copyOf(multicast.groups()));
        values.putAll(SendEditorSnapshot.of(model.sendEditor()));
        values.putAll(SendToolsSnapshot.of(model.sendTools()));
        return values;
    }

    @Test
    void everySettingComesBackInANewModelOverACopyOfTheNode() throws Exception {
        Map<String, Object> defaults = snapshot(model(InMemoryPreferences.fresh()));
        AppPreferences preferences = InMemoryPreferences.fresh();
        UdpViewModel model = model(preferences);
        model.bindAddress().select("::");
        model.port().textProperty().set("6006");
        model.targetHost().textProperty().set("::1");
        model.targetPort().textProperty().set("7007");
        model.broadcastProperty().set(true);
        model.reuseAddressProperty().set(true);
        model.receiveBufferKiBProperty().set(512);
        model.receiveLimitProperty().set(1200);
        MulticastModel multicast = model.multicast();
        multicast.ttlProperty().set(5);
        multicast.loopbackProperty().set(false);
        multicast.groupProperty().set("239.1.2.4");
        multicast.networkInterfaceProperty().set(MulticastInterfaceChoice.named("sw-test0"));
        // While stopped, the list holds the groups the next Start joins again.
        multicast.groups().setAll(new MulticastMembership(InetAddress.ofLiteral("239.1.2.3"), "lo"),
                new MulticastMembership(InetAddress.ofLiteral("ff02::1:3"), "lo"));
        SendEditorSnapshot.editEverything(model.sendEditor());
        SendToolsSnapshot.editEverything(model.sendTools());
        Map<String, Object> typed = snapshot(model);
        defaults.forEach((name, value) -> assertNotEquals(value, typed.get(name), name + " was changed"));

        model.savePreferences();
        model.savePreferences(); // a second save rewrites the child nodes (send history, groups)
        assertEquals(typed, snapshot(model(WorkspaceCopy.reopened(preferences))));
        assertEquals(typed, snapshot(model(WorkspaceCopy.throughJson(preferences, "udp", "UDP"))));
        assertEquals("sw-test0 — not found on this machine now",
                model(WorkspaceCopy.reopened(preferences)).multicast().networkInterfaceProperty().get().label());
    }
}
