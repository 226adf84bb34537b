package com.socketworkbench.ui.udp;

import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/** The UDP tab: bind a port, see every datagram with its sender, send, reply, broadcast and join multicast groups. */
public final class UdpTab extends ModelViewTab<UdpViewModel, UdpView> {

    public UdpTab(TabContext context) {
        super(context, "UDP", "udp", UdpViewModel::new, UdpView::new);
    }

    public UdpView udpView() {
        return content();
    }
}
