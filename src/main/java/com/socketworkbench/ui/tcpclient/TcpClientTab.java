package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.ui.common.Subscriptions;
import com.socketworkbench.ui.common.TabContext;
import com.socketworkbench.ui.common.TabStatus;
import com.socketworkbench.ui.common.WorkbenchTab;
import javafx.scene.Node;

/** The TCP Client tab: connect to host:port, send text or bytes, inspect replies. */
public final class TcpClientTab implements WorkbenchTab {
    private final Subscriptions subscriptions = new Subscriptions();
    private final TcpClientViewModel model;
    private final TcpClientView view;

    public TcpClientTab(TabContext context) {
        model = new TcpClientViewModel(context.preferences().child("tcpClient"), subscriptions);
        view = new TcpClientView(model, subscriptions);
    }

    @Override
    public String title() {
        return "TCP Client";
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

    public TcpClientViewModel model() {
        return model;
    }
}
