package com.socketworkbench.ui.websocket;

import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;

import java.util.ArrayList;
import java.util.List;

/**
 * WebSocket tab models for a test, without the FX toolkit: each over its own preferences and subscriptions and one
 * synchronous executor whose frames the test ticks; {@link #close()} disposes them all.
 */
final class WebSocketModels implements AutoCloseable {
    final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final List<Subscriptions> subscriptions = new ArrayList<>();
    private final List<WebSocketModel> models = new ArrayList<>();

    WebSocketModel create(AppPreferences preferences) {
        Subscriptions each = new Subscriptions();
        subscriptions.add(each);
        WebSocketModel model = new WebSocketModel(preferences, executor, each);
        models.add(model);
        return model;
    }

    @Override
    public void close() {
        models.forEach(WebSocketModel::dispose);
        subscriptions.forEach(Subscriptions::dispose);
    }
}
