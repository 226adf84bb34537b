package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.ui.sendfile.SendToolsSnapshot;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.stream.StreamSettingsSnapshot;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkspaceCopy;
import com.socketworkbench.ui.traffic.SendEditorSnapshot;
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
 * A workspace's TCP server tab: every setting a user can type or choose, saved by {@code savePreferences()} into the
 * tab's node and shown again by a model built over a copy of it (directly and through the workspace JSON).
 */
@Timeout(60)
class TcpServerSettingsRoundTripTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<TcpServerViewModel> models = new ArrayList<>();

    @AfterEach
    void tearDown() {
        models.forEach(TcpServerViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private TcpServerViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        TcpServerViewModel model = new TcpServerViewModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    static Map<String, Object> snapshot(TcpServerViewModel model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("bindHost", model.bindAddress().host());
        values.put("port", model.port().text());
        values.put("echo", model.echoProperty().get());
        values.put("maxConnections", model.maxConnectionsProperty().get());
        values.put("memoryBudget", model.memoryBudget().text());
        values.put("sendTarget", model.sendTargetProperty().get());
        values.putAll(StreamSettingsSnapshot.of(model.stream()));
        values.putAll(SendEditorSnapshot.of(model.sendEditor()));
        values.putAll(SendToolsSnapshot.of(model.sendTools()));
        return values;
    }

    private TcpServerViewModel edited(AppPreferences preferences) {
        TcpServerViewModel model = model(preferences);
        model.bindAddress().select("::1");
        model.port().textProperty().set("6123");
        model.echoProperty().set(true);
        model.maxConnectionsProperty().set(7);
        model.memoryBudget().textProperty().set("48 MiB");
        model.sendTargetProperty().set(SendTarget.ALL);
        StreamSettingsSnapshot.editEverything(model.stream());
        SendEditorSnapshot.editEverything(model.sendEditor());
        SendToolsSnapshot.editEverything(model.sendTools());
        return model;
    }

    @Test
    void everySettingComesBackInANewModelOverACopyOfTheNode() {
        Map<String, Object> defaults = snapshot(model(InMemoryPreferences.fresh()));
        AppPreferences preferences = InMemoryPreferences.fresh();
        TcpServerViewModel model = edited(preferences);
        Map<String, Object> typed = snapshot(model);
        defaults.forEach((name, value) -> assertNotEquals(value, typed.get(name), name + " was changed"));

        model.savePreferences();
        model.savePreferences(); // a second save rewrites the child nodes (send history, groups)
        assertEquals(typed, snapshot(model(WorkspaceCopy.reopened(preferences))));
    }

    @Test
    void theTabSurvivesTheWorkspaceJson() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        TcpServerViewModel model = edited(preferences);
        model.savePreferences();
        assertEquals(snapshot(model), snapshot(model(WorkspaceCopy.throughJson(preferences, "tcpServer", "Server"))));
    }

    /**
     * The rule for fields with a verdict (host, port, socket path, budgets): saved while valid; a value with an error
     * is not saved, so the reopened tab shows the last valid one. Free-text fields without a verdict of their own
     * (framing, socket options, split send, the send editor) are saved as typed, as {@code fixedSize} "32x" above.
     */
    @Test
    void aPortWithAnErrorIsNotSavedAndTheLastValidOneComesBack() {
        AppPreferences preferences = InMemoryPreferences.fresh();
        TcpServerViewModel model = model(preferences);
        model.port().textProperty().set("6123");
        model.memoryBudget().textProperty().set("48 MiB");
        model.savePreferences();
        model.port().textProperty().set("80x");
        model.memoryBudget().textProperty().set("lots");
        model.savePreferences();

        TcpServerViewModel reopened = model(WorkspaceCopy.reopened(preferences));
        assertEquals("6123", reopened.port().text());
        assertEquals("48 MiB", reopened.memoryBudget().text());
    }
}
