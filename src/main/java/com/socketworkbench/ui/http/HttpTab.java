package com.socketworkbench.ui.http;

import com.socketworkbench.ui.common.Subscriptions;
import com.socketworkbench.ui.common.TabContext;
import com.socketworkbench.ui.common.TabStatus;
import com.socketworkbench.ui.common.WorkbenchTab;
import javafx.scene.Node;

/** The HTTP tab: compose a raw request, send it, and see the response exactly as it arrived, explained. */
public final class HttpTab implements WorkbenchTab {
    private final Subscriptions subscriptions = new Subscriptions();
    private final HttpViewModel model;
    private final HttpView view;

    public HttpTab(TabContext context) {
        model = new HttpViewModel(context.preferences().child("http"), subscriptions);
        view = new HttpView(model, subscriptions);
    }

    @Override
    public String title() {
        return "HTTP";
    }

    @Override
    public Node view() {
        return view.view();
    }

    /** Nothing runs until the first Send: the exchanger starts a thread per request. */
    @Override
    public void start() {
    }

    @Override
    public void stop() {
        model.stop();
    }

    @Override
    public void dispose() {
        model.dispose();
        view.dispose();
        subscriptions.dispose();
    }

    @Override
    public TabStatus status() {
        return model.status();
    }

    public HttpViewModel model() {
        return model;
    }
}
