package com.socketworkbench.ui.tcpclient;

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

/** A workspace's TCP client tab: every setting saved into the tab's node comes back in a model over a copy. */
@Timeout(60)
class TcpClientSettingsRoundTripTest {
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<TcpClientViewModel> models = new ArrayList<>();

    @AfterEach
    void tearDown() {
        models.forEach(TcpClientViewModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }

    private TcpClientViewModel model(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        TcpClientViewModel model = new TcpClientViewModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    private static Map<String, Object> snapshot(TcpClientViewModel model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("host", model.host().text());
        values.put("port", model.port().text());
        values.put("timeoutSeconds", model.timeoutSecondsProperty().get());
        values.putAll(StreamSettingsSnapshot.of(model.stream()));
        values.putAll(SendEditorSnapshot.of(model.sendEditor()));
        values.putAll(SendToolsSnapshot.of(model.sendTools()));
        return values;
    }

    @Test
    void everySettingComesBackInANewModelOverACopyOfTheNode() throws Exception {
        Map<String, Object> defaults = snapshot(model(InMemoryPreferences.fresh()));
        AppPreferences preferences = InMemoryPreferences.fresh();
        TcpClientViewModel model = model(preferences);
        model.host().textProperty().set("localhost");
        model.port().textProperty().set("7001");
        model.timeoutSecondsProperty().set(3);
        StreamSettingsSnapshot.editEverything(model.stream());
        SendEditorSnapshot.editEverything(model.sendEditor());
        SendToolsSnapshot.editEverything(model.sendTools());
        Map<String, Object> typed = snapshot(model);
        defaults.forEach((name, value) -> assertNotEquals(value, typed.get(name), name + " was changed"));

        model.savePreferences();
        model.savePreferences(); // a second save rewrites the child nodes (send history, groups)
        assertEquals(typed, snapshot(model(WorkspaceCopy.reopened(preferences))));
        assertEquals(typed, snapshot(model(WorkspaceCopy.throughJson(preferences, "tcpClient", "Client"))));
    }
}
