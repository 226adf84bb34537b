package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.ui.messages.MessagesPanel;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/** The TCP Server tab: listen on an address and port, watch clients and traffic, reply to one or all. */
public final class TcpServerTab extends ModelViewTab<TcpServerViewModel, TcpServerView> {

    public TcpServerTab(TabContext context) {
        super(context, "TCP Server", "tcpServer", TcpServerViewModel::new,
                (model, subscriptions) -> new TcpServerView(model, subscriptions, MessagesPanel.of(context.messages(),
                        model.sendEditor(), context.executor(), subscriptions)));
    }

    public TcpServerView serverView() {
        return content();
    }
}
