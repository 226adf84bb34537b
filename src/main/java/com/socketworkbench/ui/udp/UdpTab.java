package com.socketworkbench.ui.udp;

import com.socketworkbench.ui.messages.MessagesPanel;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;
import com.socketworkbench.ui.tab.ListenerState;

/** The UDP tab: bind a port, see every datagram with its sender, send, reply, broadcast and join multicast groups. */
public final class UdpTab extends ModelViewTab<UdpViewModel, UdpView> {

    public UdpTab(TabContext context) {
        super(context, UdpText.TEXT.get("tab.title"), "udp",
 UdpViewModel::new,
                (model, subscriptions) -> new UdpView(model, subscriptions, MessagesPanel.of(context.messages(),
                        model.sendEditor(), context.executor(), subscriptions)));
    }

    public UdpView udpView() {
        return content();
    }

    /** A bound socket (also one bound only to send) counts: closing the tab closes it. */
    @Override
    public boolean isLive() {
        return model().state() != ListenerState.STOPPED;
    }
}
