/**
 * The tab framework: the contract the main window knows tabs by ({@link com.socketworkbench.ui.tab.WorkbenchTab},
 * {@link com.socketworkbench.ui.tab.TabFactory}), the model/view pair every tab is made of
 * ({@link com.socketworkbench.ui.tab.ModelViewTab} over a {@link com.socketworkbench.ui.tab.TabModel} and a
 * {@link com.socketworkbench.ui.tab.TabView}), the base of the socket tabs' view models
 * ({@link com.socketworkbench.ui.tab.SocketTabModel}), and the layout, status and notification pieces every tab
 * shares.
 *
 * <h2>Adding a tab</h2>
 * <ol>
 *   <li>Extend {@link com.socketworkbench.ui.tab.ModelViewTab} in a feature package ({@code ui.udp}, ...) with a
 *       constructor taking {@link com.socketworkbench.ui.tab.TabContext} that names the title, the kind id, the
 *       view model and the view, and add a kind for it to {@code com.socketworkbench.app.TabKinds}.</li>
 *   <li>Register every listener and binding through the one {@link com.socketworkbench.ui.fx.Subscriptions} the tab
 *       hands its model and view; the tab disposes it after the model and the view.</li>
 *   <li>A socket tab's view model extends {@link com.socketworkbench.ui.tab.SocketTabModel}, which holds its
 *       {@code TabTraffic} (timeline, event pump, status, failure announcements) and runs it with the tab's life
 *       cycle. Pass its pump as the engine component's {@code EventSink}; react to state events in
 *       {@code traffic().onPulse(batch -> ...)}, never per event on another thread.</li>
 *   <li>In the view: a {@code TrafficPane} and a {@code SendEditor} from {@code ui.traffic}, settings fields from
 *       {@code ui.input}, laid out with {@link com.socketworkbench.ui.tab.TabLayout}, and a
 *       {@link com.socketworkbench.ui.tab.TabNotifier} wrapped around the traffic area.</li>
 * </ol>
 * {@code ui.tcpclient} is the smallest complete example; {@code ui.tcpserver} adds a connection list refreshed on
 * the pump tick. Nothing here reaches a tab package (an architecture test holds it).
 */
package com.socketworkbench.ui.tab;
