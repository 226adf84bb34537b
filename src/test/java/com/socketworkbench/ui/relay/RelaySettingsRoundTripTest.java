package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.relay.HoldTimeoutAction;
import com.socketworkbench.engine.relay.RelayDirection;
import com.socketworkbench.engine.relay.RelayTransport;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A workspace's Relay tab: transport, bind, ports, target, intercept toggles, hold timeout and action, and the faults
 * of both directions, saved into the tab's node and shown again by a model over a copy of it (and through the
 * workspace file's JSON).
 */
@Timeout(60)
class RelaySettingsRoundTripTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<RelayViewModel> models = new ArrayList<>();

    @AfterEach
    void tearDown() {
        models.forEach(RelayViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private RelayViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        RelayViewModel model = new RelayViewModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    private static Map<String, Object> snapshot(RelayViewModel model) {
        RelaySettings settings = model.settings();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("transport", settings.transportProperty().get());
        values.put("bindHost", settings.bindAddress().host());
        values.put("listenPort", settings.listenPort().text());
        values.put("targetHost", settings.targetHost().text());
        values.put("targetPort", settings.targetPort().text());
        values.put("holdTimeout", settings.holdTimeout().text());
        values.put("udpPairIdle", settings.udpPairIdle().text());
        values.put("connectTimeout", settings.connectTimeout().text());
        values.put("holdTimeoutAction", settings.holdTimeoutActionProperty().get());
        values.put("clientTls", settings.clientTlsProperty().get());
        values.put("serverTls", settings.serverTlsProperty().get());
        for (RelayDirection direction : RelayDirection.values()) {
            String key = FaultsInput.key(direction);
            values.put("intercept" + key, settings.intercept(direction).get());
            FaultsInput faults = settings.faults(direction);
            values.put("latency" + key, faults.latency().text());
            values.put("jitter" + key, faults.jitter().text());
            values.put("bandwidth" + key, faults.bandwidth().text());
            values.put("segment" + key, faults.segment().text());
            values.put("dropAfter" + key, faults.dropAfter().text());
        }
        return values;
    }

    @Test
    void everySettingComesBackInANewModelOverACopyOfTheNode() throws Exception {
        Map<String, Object> defaults = snapshot(model(InMemoryPreferences.fresh()));
        AppPreferences preferences = InMemoryPreferences.fresh();
        RelayViewModel model = model(preferences);
        RelaySettings settings = model.settings();
        settings.transportProperty().set(RelayTransport.UDP);
        settings.bindAddress().select("::1");
        settings.listenPort().textProperty().set("9100");
        settings.targetHost().textProperty().set("localhost");
        settings.targetPort().textProperty().set("7007");
        settings.holdTimeout().textProperty().set("30");
        settings.udpPairIdle().textProperty().set("120");
        settings.connectTimeout().textProperty().set("4");
        settings.holdTimeoutActionProperty().set(HoldTimeoutAction.DROP);
        settings.clientTlsProperty().set(true);
        settings.serverTlsProperty().set(true);
        settings.serverTlsInsecureProperty().set(true);
        int n = 1;
        for (RelayDirection direction : RelayDirection.values()) {
            settings.intercept(direction).set(true);
            FaultsInput faults = settings.faults(direction);
            faults.latency().textProperty().set(Integer.toString(100 * n));
            faults.jitter().textProperty().set(Integer.toString(10 * n));
            faults.bandwidth().textProperty().set(Integer.toString(64 * n));
            faults.segment().textProperty().set(Integer.toString(3 * n));
            faults.dropAfter().textProperty().set(Integer.toString(1000 * n));
            n++;
        }
        Map<String, Object> typed = snapshot(model);
        defaults.forEach((name, value) -> assertNotEquals(value, typed.get(name), name + " was changed"));

        model.savePreferences();
        assertEquals(typed, snapshot(model(WorkspaceCopy.reopened(preferences))));
        assertEquals(typed, snapshot(model(WorkspaceCopy.throughJson(preferences, "relay", "Relay"))));
        assertEquals(false, model(WorkspaceCopy.reopened(preferences)).settings().serverTlsInsecureProperty().get(),
                "insecure is for one start, never saved");
    }

    @Test
    void aNewTabListensOnLoopbackAndHoldsNothing() {
        RelaySettings settings = model(InMemoryPreferences.fresh()).settings();
        assertEquals("127.0.0.1", settings.bindAddress().host());
        assertEquals(RelayTransport.TCP, settings.transportProperty().get());
        assertEquals(false, settings.intercept(RelayDirection.CLIENT_TO_SERVER).get());
        assertEquals(false, settings.intercept(RelayDirection.SERVER_TO_CLIENT).get());
        assertEquals("0", settings.holdTimeout().text());
    }
}
