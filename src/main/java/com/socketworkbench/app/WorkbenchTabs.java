package com.socketworkbench.app;

import com.socketworkbench.ui.tab.TabFactory;
import com.socketworkbench.ui.http.HttpTab;
import com.socketworkbench.ui.tcpclient.TcpClientTab;
import com.socketworkbench.ui.tcpserver.TcpServerTab;
import com.socketworkbench.ui.tools.ToolsTab;
import com.socketworkbench.ui.udp.UdpTab;

import java.util.List;

/** The one place that lists the window's tabs, in order. A new tab is one more factory here. */
public final class WorkbenchTabs {
    private WorkbenchTabs() {
    }

    public static List<TabFactory> defaults() {
        return List.of(TcpServerTab::new, TcpClientTab::new, UdpTab::new, HttpTab::new, ToolsTab::new);
    }
}
