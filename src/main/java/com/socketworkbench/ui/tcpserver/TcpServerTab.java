package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.ui.common.ModelViewTab;
import com.socketworkbench.ui.common.TabContext;

/** The TCP Server tab: listen on an address and port, watch clients and traffic, reply to one or all. */
public final class TcpServerTab extends ModelViewTab<TcpServerViewModel, TcpServerView> {

    public TcpServerTab(TabContext context) {
        super(context, "TCP Server", "tcpServer", TcpServerViewModel::new, TcpServerView::new);
    }
}
