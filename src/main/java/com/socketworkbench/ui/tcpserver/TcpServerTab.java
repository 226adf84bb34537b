package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.ui.common.Subscriptions;
import com.socketworkbench.ui.common.TabContext;
import com.socketworkbench.ui.common.TabStatus;
import com.socketworkbench.ui.common.WorkbenchTab;
import javafx.scene.Node;

/** The TCP Server tab: listen on an address and port, watch clients and traffic, reply to one or all. */
public final class TcpServerTab implements WorkbenchTab {
    private final Subscriptions subscriptions = new Subscriptions();
    private final TcpServerViewModel model;
    private final TcpServerView view;

    public TcpServerTab(TabContext context) {
        model = new TcpServerViewModel(context.preferences().child("tcpServer"), subscriptions);
        view = new TcpServerView(model, subscriptions);
    }

    @Override
    public String title() {
        return "TCP Server";
    }

    @Override
    public Node view() {
        return view.view();
    }

    @Override
    public void start() {
        model.pump().start();
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

    public TcpServerViewModel model() {
        return model;
    }
}
