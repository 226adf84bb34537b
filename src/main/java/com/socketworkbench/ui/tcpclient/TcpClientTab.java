package com.socketworkbench.ui.tcpclient;

import com.socketworkbench.ui.messages.MessagesPanel;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/** The TCP Client tab: connect to host:port, send text or bytes, inspect replies. */
public final class TcpClientTab extends ModelViewTab<TcpClientViewModel, TcpClientView> {

    public TcpClientTab(TabContext context) {
        super(context, ClientTexts.TEXT.get("tab.title"), "tcpClient",
 TcpClientViewModel::new,
                (model, subscriptions) -> new TcpClientView(model, subscriptions, MessagesPanel.of(context.messages(),
                        model.sendEditor(), context.executor(), subscriptions)));
    }

    public TcpClientView clientView() {
        return content();
    }

    /** Connecting, connected or closing counts: closing the tab drops the connection. */
    @Override
    public boolean isLive() {
        return model().state() != ClientState.DISCONNECTED;
    }
}
