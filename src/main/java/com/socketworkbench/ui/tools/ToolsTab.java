package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.tools.Resolver;
import com.socketworkbench.ui.common.Subscriptions;
import com.socketworkbench.ui.common.TabContext;
import com.socketworkbench.ui.common.TabStatus;
import com.socketworkbench.ui.common.WorkbenchTab;
import javafx.scene.Node;

/**
 * The Tools tab: socket concepts made tangible. This host's names and interfaces, name resolution, the services
 * table and port ranges, address conversion and classification, subnet arithmetic, and a port check.
 */
public final class ToolsTab implements WorkbenchTab {
    private final Subscriptions subscriptions = new Subscriptions();
    private final ToolsViewModel model;
    private final ToolsView view;

    public ToolsTab(TabContext context) {
        model = new ToolsViewModel(context.preferences().child("tools"), new Resolver(), subscriptions);
        view = new ToolsView(model, subscriptions);
    }

    @Override
    public String title() {
        return "Tools";
    }

    @Override
    public Node view() {
        return view.view();
    }

    @Override
    public void start() {
        model.start();
    }

    @Override
    public void stop() {
        model.stop();
    }

    @Override
    public void dispose() {
        model.dispose();
        subscriptions.dispose();
    }

    @Override
    public TabStatus status() {
        return model.status();
    }

    public ToolsViewModel model() {
        return model;
    }

    public ToolsView toolsView() {
        return view;
    }
}
