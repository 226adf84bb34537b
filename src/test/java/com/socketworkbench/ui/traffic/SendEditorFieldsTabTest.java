package com.socketworkbench.ui.traffic;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.event.ConnectionOpened;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dynamic fields typed into the real TCP Client tab, sent to a loopback ServerSocket. */
@Timeout(60)
class SendEditorFieldsTabTest {
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        driver.selectTab("tcpClient");
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void aCounterTypedWithFieldsOnCountsEachSendAndThePreviewShowsTheNext() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
            driver.click("#tcpClient #connect");
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                InputStream in = peer.getInputStream();
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof ConnectionOpened);

                assertFalse(fx(() -> driver.<CheckBox>node("#tcpClient #fields").isSelected()), "off by default");
                assertFalse(fx(() -> driver.node("#tcpClient #fieldsPreview").isVisible()));
                driver.click("#tcpClient #fields");
                assertTrue(fx(() -> driver.node("#tcpClient #fieldsPreview").isVisible()));

                driver.setText("#tcpClient #input", "");
                driver.robot().clickOn("#tcpClient #input").write("A{{counter}}");
                assertEquals("A{{counter}}", driver.text("#tcpClient #input"));
                assertEquals("Next send (2 B): 41 30", driver.text("#tcpClient #fieldsPreview"));

                driver.click("#tcpClient #send");
                driver.waitUntil(() -> "Next send (2 B): 41 31".equals(driver.text("#tcpClient #fieldsPreview")));
                driver.click("#tcpClient #send");
                assertEquals("A0A1", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
                assertEquals("Next send (2 B): 41 32", driver.text("#tcpClient #fieldsPreview"));

                driver.setText("#tcpClient #input", "A{{counter:strat=1}}");
                assertTrue(driver.text("#tcpClient #inputMessage").contains("position 2"),
                        driver.text("#tcpClient #inputMessage"));
                assertTrue(driver.disabled("#tcpClient #send"), "a bad field sends nothing");
            }
        }
    }
}
