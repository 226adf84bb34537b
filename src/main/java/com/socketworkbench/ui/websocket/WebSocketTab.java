package com.socketworkbench.ui.websocket;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/** The WebSocket tab ({@code #websocket}): one client connection at a time, its handshake and its frames. */
public final class WebSocketTab extends ModelViewTab<WebSocketModel, WebSocketView> {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.websocket.websocket");

    public WebSocketTab(TabContext context) {
        super(context, kindTitle(), "websocket", WebSocketModel::new, WebSocketView::new);
    }

    /** The tab's header text in the language in use. */
    public static String kindTitle() {
        return TEXT.get("tab.title");
    }

    /** An open connection: closing the tab asks first, since closing disconnects it. */
    @Override
    public boolean isLive() {
        return model().phase() != WebSocketModel.Phase.IDLE;
    }

    public WebSocketView webSocketView() {
        return content();
    }
}
