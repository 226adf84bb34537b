package com.socketworkbench.ui.udp;

import com.socketworkbench.ui.common.Subscriptions;
import com.socketworkbench.ui.common.TabContext;
import com.socketworkbench.ui.common.TabStatus;
import com.socketworkbench.ui.common.WorkbenchTab;
import javafx.scene.Node;

/** The UDP tab: bind a port, see every datagram with its sender, send, reply, broadcast and join multicast groups. */
public final class UdpTab implements WorkbenchTab {
    private final Subscriptions subscriptions = new Subscriptions();
    private final UdpViewModel model;
    private final UdpView view;

    public UdpTab(TabContext context) {
        model = new UdpViewModel(context.preferences().child("udp"), subscriptions);
        view = new UdpView(model, subscriptions);
    }

    @Override
    public String title() {
        return "UDP";
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

    public UdpViewModel model() {
        return model;
    }

    public UdpView udpView() {
        return view;
    }
}
