package com.socketworkbench.ui.traffic;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.ConnectionOpened;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The send editor as a newcomer uses it, in the real app's TCP Client tab against a loopback ServerSocket: a
 * Windows path with escapes off, Ctrl+Enter, hex without the line ending, and Text ⇄ Hex converting the box.
 */
@Timeout(60)
class SendEditorTabTest {
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
    void sendsWhatATypistMeansAndTheTimelineShowsWhatWentOut() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
            driver.click("#tcpClient #connect");
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                InputStream in = peer.getInputStream();
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof ConnectionOpened);

                // Escapes off: C:\temp\new goes out as typed, sent with Ctrl+Enter from the text box.
                assertTrue(fx(() -> driver.<CheckBox>node("#tcpClient #escapes").isSelected()), "on by default");
                driver.click("#tcpClient #escapes");
                assertEquals("escapes off: sent exactly as typed", driver.text("#tcpClient #inputHint"));
                driver.setText("#tcpClient #input", "");
                driver.robot().clickOn("#tcpClient #input").write("C:\\temp\\new");
                driver.robot().press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
                byte[] path = "C:\\temp\\new".getBytes(StandardCharsets.US_ASCII);
                assertArrayEquals(path, in.readNBytes(path.length));
                TimelineRow sent = driver.waitForRow("#tcpClient #timeline",
                        row -> row.event() instanceof BytesSent s && Arrays.equals(s.data(), path));
                assertEquals("C:\\\\temp\\\\new", EventText.preview(sent.event(), StandardCharsets.UTF_8),
                        "the row shows the bytes: each backslash is a backslash byte, not a tab or newline");
                assertEquals("C:\\temp\\new", driver.text("#tcpClient #input"), "Enter did not add a newline");

                // Hex is the exact bytes: the text's line ending is not added, and its control is disabled.
                fxRun(() -> driver.<ComboBox<LineEnding>>node("#tcpClient #lineEnding").setValue(LineEnding.CRLF));
                selectFormat(PayloadFormat.HEX);
                assertEquals("43 3a 5c 74 65 6d 70 5c 6e 65 77", driver.text("#tcpClient #input"),
                        "switching converts the text to its bytes");
                assertTrue(driver.disabled("#tcpClient #lineEnding"));
                assertTrue(driver.disabled("#tcpClient #escapes"));
                driver.setText("#tcpClient #input", "01 02 ff");
                driver.click("#tcpClient #send");
                assertArrayEquals(new byte[]{1, 2, (byte) 0xff}, in.readNBytes(3));
                driver.setText("#tcpClient #input", "0a");
                driver.click("#tcpClient #send");
                assertEquals(0x0a, in.read(), "one byte, no CRLF after the ff before");

                // Hex that is not text stays hex and says why at the field; text that is converts back.
                driver.setText("#tcpClient #input", "48 ff");
                selectFormat(PayloadFormat.TEXT);
                assertEquals(PayloadFormat.HEX, fx(() -> driver.<ComboBox<PayloadFormat>>node("#tcpClient #inputFormat")
                        .getValue()), "the box goes back to Hex");
                assertEquals("48 ff", driver.text("#tcpClient #input"));
                assertEquals("Still hex, not converted to text: byte ff (byte 2 of 2) is not UTF-8 text",
                        driver.text("#tcpClient #inputMessage"));
                driver.setText("#tcpClient #input", "48 69 0a");
                assertEquals("", driver.text("#tcpClient #inputMessage"));
                selectFormat(PayloadFormat.TEXT);
                assertEquals("Hi\n", driver.text("#tcpClient #input"));
                assertFalse(driver.disabled("#tcpClient #lineEnding"));
                driver.click("#tcpClient #send");
                assertArrayEquals("Hi\n\r\n".getBytes(StandardCharsets.US_ASCII), in.readNBytes(5),
                        "text again: the CRLF chosen earlier is appended");
            }
        }
    }

    @Test
    void theTimelineReadsTheBytesInTheSendCharsetUntilTheUserPicksOne() throws Exception {
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            driver.setText("#tcpClient #port", Integer.toString(server.getLocalPort()));
            driver.click("#tcpClient #connect");
            try (Socket peer = server.accept()) {
                driver.waitForRow("#tcpClient #timeline", row -> row.event() instanceof ConnectionOpened);
                fxRun(() -> driver.<ComboBox<java.nio.charset.Charset>>node("#tcpClient #inputCharset").setValue(gbk));
                assertEquals(gbk, payloadCharset(), "the view follows the send charset");
                driver.setText("#tcpClient #input", "你好");
                driver.click("#tcpClient #send");
                byte[] hello = "你好".getBytes(gbk);
                TimelineRow row = driver.waitForRow("#tcpClient #timeline", r -> r.event() instanceof BytesSent s
                        && Arrays.equals(Arrays.copyOf(s.data(), hello.length), hello));
                assertTrue(EventText.preview(row.event(), payloadCharset()).startsWith("你好"),
                        "read back in GBK, not as escapes");

                java.nio.charset.Charset utf16 = StandardCharsets.UTF_16BE;
                fxRun(() -> driver.<ComboBox<java.nio.charset.Charset>>node("#tcpClient #payloadCharset")
                        .setValue(utf16));
                fxRun(() -> driver.<ComboBox<java.nio.charset.Charset>>node("#tcpClient #inputCharset")
                        .setValue(StandardCharsets.UTF_8));
                assertEquals(utf16, payloadCharset(), "a charset picked by hand stays");
            }
        }
    }

    private java.nio.charset.Charset payloadCharset() throws Exception {
        return fx(() -> driver.<ComboBox<java.nio.charset.Charset>>node("#tcpClient #payloadCharset").getValue());
    }

    private void selectFormat(PayloadFormat format) {
        fxRun(() -> driver.<ComboBox<PayloadFormat>>node("#tcpClient #inputFormat").setValue(format));
    }
}
