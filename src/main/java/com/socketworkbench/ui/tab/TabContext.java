package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.alltraffic.AllTrafficHub;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.messages.MessageLibrary;

/**
 * What the window hands every tab it creates. A record so that more shared services can be added later without
 * changing the {@link TabFactory} signature.
 *
 * @param preferences the tab's own settings node: every tab instance gets a fresh one, filled from the workspace
 *                    it was opened from, and the window copies it back into the workspace when it saves
 * @param executor    runs the tab's blocking engine calls off the UI thread and hands their outcome back to it; the
 *                    window makes one for all tabs
 * @param messages    the workspace's message library, shared by every socket tab's messages panel
 * @param allTraffic  the window's All-traffic hub, which every socket tab's events are teed into
 * @param webSockets  opens a WebSocket tab that continues a connection the HTTP tab's upgrade request switched
 */
public record TabContext(AppPreferences preferences, UiExecutor executor, MessageLibrary messages,
                         AllTrafficHub allTraffic, WebSocketHandoff webSockets) {
}
