package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.stream.Transport;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tcpclient.TcpClientViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The TCP tabs' words in Simplified Chinese: status, send hints, the empty clients list and the choices read from
 * the zh_CN bundles. The language is process-wide, so it goes back to English after each test.
 */
class TcpServerChineseTextsTest {
    private final Subscriptions subscriptions = new Subscriptions();

    @AfterEach
    void backToEnglish() {
        subscriptions.dispose();
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void theServerTabSpeaksChinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        TcpServerViewModel model = new TcpServerViewModel(InMemoryPreferences.fresh(),
                new CurrentThreadUiExecutor(), subscriptions);

        assertEquals("服务器已停止", model.status().state());
        assertEquals("请先启动服务器", model.sendEditor().targetHintProperty().get());
        assertEquals("没有已连接的客户端", model.noClientsTextProperty().get());
        assertEquals("所有客户端", SendTarget.ALL.toString());
        assertEquals("Unix 域套接字", Transport.UNIX.toString());
        assertEquals("TCP", Transport.TCP.toString(), "protocol names stay as they are");
        model.dispose();
    }

    @Test
    void theClientTabSpeaksChineseAndEnglishComesBack() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        TcpClientViewModel model = new TcpClientViewModel(InMemoryPreferences.fresh(), new CurrentThreadUiExecutor(),
                subscriptions);
        assertEquals("未连接", model.status().state());
        assertEquals("请先连接", model.sendEditor().targetHintProperty().get());
        model.dispose();

        Texts.use(Locale.ENGLISH);
        assertEquals("Selected client", SendTarget.SELECTED.toString());
    }
}
