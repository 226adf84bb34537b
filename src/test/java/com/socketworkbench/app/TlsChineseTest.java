package com.socketworkbench.app;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tls.ClientAuth;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tls.CertSource;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Locale;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TLS panels of the TCP Client and TCP Server tabs in Simplified Chinese: no English prose left in them. */
@Timeout(120)
class TlsChineseTest {
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private AppDriver driver;

    @AfterEach
    void close() throws Exception {
        try {
            if (driver != null) {
                driver.close();
            }
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }

    @Test
    void theTlsPanelsSpeakChinese() throws Exception {
        preferences.put(AppLanguage.KEY, "zh-CN");
        driver = new AppDriver(preferences).launch();
        driver.selectTab("tcpClient");
        driver.click("#tcpClient #tls");
        driver.click("#tcpClient #tlsInsecure");
        driver.setText("#tcpClient #tlsAlpn", "h2, ☃"); // typed English would count as prose
        assertEquals("不安全：不验证证书", driver.text("#tcpClient #tlsInsecure"));
        assertEquals("不是有效的 ALPN 协议名：“☃”（可打印 ASCII 字符，不含空格，例如 h2 或 http/1.1）",
                driver.text("#tcpClient #tlsAlpnMessage"));
        VisibleTexts client = fx(() -> new VisibleTexts().node(driver.node("#tcpClient #tlsSettings")));
        assertTrue(client.seen().size() > 15, client.seen().toString());
        assertEquals(List.of(), client.englishWords());

        driver.selectTab("tcpServer");
        driver.click("#tcpServer #tls");
        driver.click("#tcpServer #tlsGenerate");
        driver.waitUntil(() -> !driver.text("#tcpServer #tlsCertInfo").isEmpty());
        fxRun(() -> driver.<ComboBox<ClientAuth>>node("#tcpServer #tlsClientAuth").setValue(ClientAuth.REQUIRED));
        VisibleTexts generated = fx(() -> new VisibleTexts().node(driver.node("#tcpServer #tlsSettings")));
        assertTrue(generated.seen().stream().anyMatch(seen -> seen.text().contains("有效期至")), generated.seen()
                .toString());
        assertEquals(List.of(), generated.englishWords());
        fxRun(() -> driver.<ComboBox<CertSource>>node("#tcpServer #tlsCertSource").setValue(CertSource.PEM));
        VisibleTexts files = fx(() -> new VisibleTexts().node(driver.node("#tcpServer #tlsSettings")));
        assertEquals(List.of(), files.englishWords());
    }
}
