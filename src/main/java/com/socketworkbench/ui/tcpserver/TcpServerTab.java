package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.ui.messages.MessagesPanel;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;
import com.socketworkbench.ui.tab.ListenerState;

/** The TCP Server tab: listen on an address and port, watch clients and traffic, reply to one or all. */
public final class TcpServerTab extends ModelViewTab<TcpServerViewModel, TcpServerView> {

    public TcpServerTab(TabContext context) {
        super(context, ServerTexts.TEXT.get("tab.title"), "tcpServer",
 TcpServerViewModel::new,
                (model, subscriptions) -> new TcpServerView(model, subscriptions, MessagesPanel.of(context.messages(),
                        model.sendEditor(), context.executor(), subscriptions)));
    }

    public TcpServerView serverView() {
        return content();
    }

    /** Listening (or starting, or stopping) counts: closing the tab stops the listener and its connections. */
    @Override
    public boolean isLive() {
        return model().state() != ListenerState.STOPPED;
    }
}
