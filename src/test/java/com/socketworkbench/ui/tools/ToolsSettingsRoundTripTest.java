package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.tools.Resolver;
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

/** A workspace's Tools tab: the shown tool and every input of every tool come back in a model over a copy. */
@Timeout(60)
class ToolsSettingsRoundTripTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<ToolsViewModel> models = new ArrayList<>();

    @AfterEach
    void tearDown() {
        models.forEach(ToolsViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private ToolsViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        ToolsViewModel model = new ToolsViewModel(preferences, new Resolver(), executor, each);
        models.add(model);
        return model;
    }

    private static Map<String, Object> snapshot(ToolsViewModel model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tool", model.selectedProperty().get());
        values.put("ipv4", model.converter().ipv4InputProperty().get());
        values.put("ipv6", model.converter().ipv6InputProperty().get());
        values.put("classifyPrefix", model.converter().prefixInputProperty().get());
        values.put("classifySource", model.converter().sourceProperty().get());
        values.put("subnet", model.subnet().inputProperty().get());
        values.put("service", model.services().queryProperty().get());
        values.put("serviceProtocol", model.services().protocolProperty().get());
        values.put("resolveName", model.resolve().nameProperty().get());
        values.put("reverseAddress", model.resolve().reverseAddressProperty().get());
        values.put("resolveTimeoutSeconds", model.resolve().timeoutSecondsProperty().get());
        values.put("portCheckHost", model.portCheck().host().text());
        values.put("portCheckPort", model.portCheck().port().text());
        values.put("portCheckTimeoutSeconds", model.portCheck().timeoutSecondsProperty().get());
        return values;
    }

    @Test
    void everyInputComesBackInANewModelOverACopyOfTheNode() throws Exception {
        Map<String, Object> defaults = snapshot(model(InMemoryPreferences.fresh()));
        AppPreferences preferences = InMemoryPreferences.fresh();
        ToolsViewModel model = model(preferences);
        model.selectedProperty().set(Tool.SUBNET);
        model.converter().ipv4InputProperty().set("10.0.0.1");
        model.converter().prefixInputProperty().set("8");
        model.converter().ipv6InputProperty().set("fe80::1");
        model.subnet().inputProperty().set("10.1.0.0/16");
        model.services().queryProperty().set("53");
        model.services().protocolProperty().set(ServicesModel.Protocol.UDP);
        model.resolve().nameProperty().set("example.invalid");
        model.resolve().reverseAddressProperty().set("::1");
        model.resolve().timeoutSecondsProperty().set(9);
        model.portCheck().host().textProperty().set("localhost");
        model.portCheck().port().textProperty().set("8443");
        model.portCheck().timeoutSecondsProperty().set(4);
        Map<String, Object> typed = snapshot(model);
        defaults.forEach((name, value) -> assertNotEquals(value, typed.get(name), name + " was changed"));

        model.savePreferences();
        assertEquals(typed, snapshot(model(WorkspaceCopy.reopened(preferences))));
        assertEquals(typed, snapshot(model(WorkspaceCopy.throughJson(preferences, "tools", "Tools"))));
    }
}
