package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/** The TCP Client tab: connect to host:port, send text or bytes, inspect replies. */
public final class TcpClientTab extends ModelViewTab<TcpClientViewModel, TcpClientView> {

    public TcpClientTab(TabContext context) {
        super(context, "TCP Client", "tcpClient", TcpClientViewModel::new, TcpClientView::new);
    }

    /** Connecting, connected or closing counts: closing the tab drops the connection. */
    @Override
    public boolean isLive() {
        return model().state() != ClientState.DISCONNECTED;
    }
}
