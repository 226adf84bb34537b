/**
 * Reusable pieces every workbench tab is built from, and the contract the main window knows tabs by.
 *
 * <h2>Adding a tab</h2>
 * <ol>
 *   <li>Extend {@link com.socketworkbench.ui.common.ModelViewTab} in a feature package ({@code ui.udp}, ...) with a
 *       constructor taking {@link com.socketworkbench.ui.common.TabContext} that names the title, the preferences
 *       node, the view model (a {@link com.socketworkbench.ui.common.TabModel}) and the view (a
 *       {@link com.socketworkbench.ui.common.TabView}), and add its constructor reference to
 *       {@code com.socketworkbench.app.WorkbenchTabs#defaults()}.</li>
 *   <li>Register every listener and binding through the one {@link com.socketworkbench.ui.common.Subscriptions}
 *       the tab hands its model and view; the tab disposes it after the model and the view.</li>
 *   <li>A socket tab's view model extends {@link com.socketworkbench.ui.common.SocketTabModel}, which holds its
 *       {@link com.socketworkbench.ui.common.TabTraffic} (timeline, event pump, status, failure announcements)
 *       and runs it with the tab's life cycle. Pass its pump as the engine component's {@code EventSink}; react
 *       to state events and update the {@link com.socketworkbench.ui.common.TabStatus} in
 *       {@code traffic().onPulse(batch -> ...)}, never per event on another thread. Run blocking engine calls through
 *       {@link com.socketworkbench.ui.common.Background}; report exceptions the engine did not already emit with
 *       {@code traffic().reportUnlessReported(...)}.</li>
 *   <li>A {@link com.socketworkbench.ui.common.SendEditorModel}: set its sender and bind its
 *       {@code targetReadyProperty()}/{@code targetHintProperty()} to the tab's own condition.</li>
 *   <li>In the view: a {@link com.socketworkbench.ui.common.TrafficPane} (timeline over payload inspector, wired),
 *       a {@link com.socketworkbench.ui.common.SendEditor} ({@code addOptions} for extra controls), settings from
 *       {@link com.socketworkbench.ui.common.BindAddressPicker}, {@link com.socketworkbench.ui.common.PortField},
 *       {@link com.socketworkbench.ui.common.HostField} (labelled with {@code SendEditor.labelled}) and
 *       {@link com.socketworkbench.ui.common.Spinners}, laid out with
 *       {@link com.socketworkbench.ui.common.TabLayout} (root with the tab's id such as {@code tcpClient}, settings
 *       bar, message row, state badge, Start/Stop over a {@link com.socketworkbench.ui.common.ListenerState}), and a
 *       {@link com.socketworkbench.ui.common.TabNotifier} wrapped around the traffic area (not the settings) that
 *       {@code traffic().setOnFailure} feeds.</li>
 * </ol>
 * {@code ui.tcpclient} is the smallest complete example; {@code ui.tcpserver} adds a connection list refreshed on
 * the pump tick.
 *
 * <h2>Stream controls (TCP tabs)</h2>
 * {@link com.socketworkbench.ui.common.FramingEditor} over a {@link com.socketworkbench.ui.common.FramingEditorModel}
 * (receive framing and oversize policy), {@link com.socketworkbench.ui.common.SplitSendControls} over a
 * {@link com.socketworkbench.ui.common.SplitSendModel} (send plans, added with {@code SendEditor.addOptions} and
 * {@code SendEditor.addRow}), {@link com.socketworkbench.ui.common.SocketPanel} with a
 * {@link com.socketworkbench.ui.common.SocketOptionsPane} over a
 * {@link com.socketworkbench.ui.common.SocketOptionsModel} and a
 * {@link com.socketworkbench.ui.common.ConnectionDetailsPane}, {@link com.socketworkbench.ui.common.CloseModeButtons},
 * {@link com.socketworkbench.ui.common.Transport} with {@link com.socketworkbench.ui.common.UnixPathField}; their
 * models are held together, and remembered, by one {@link com.socketworkbench.ui.common.StreamSettings}; their
 * stylesheet comes with {@link com.socketworkbench.ui.common.StreamStyles#apply}.
 *
 * <h2>Threading</h2>
 * Everything here is FX-thread only except {@link com.socketworkbench.ui.common.EventPump#emit}, which any engine
 * thread may call and which never blocks, and the {@code report} methods of
 * {@link com.socketworkbench.ui.common.TabTraffic}, which only emit.
 */
package com.socketworkbench.ui.common;
