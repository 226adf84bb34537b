package com.socketworkbench.ui.http;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.http.Header;
import com.socketworkbench.engine.http.RequestTemplate;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.engine.http.VerdictCodes;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real app's HTTP tab against JDK and raw servers on 127.0.0.1. */
@Timeout(90)
class HttpTabTest {
    private AppDriver driver;

    private AppDriver launch(AppPreferences preferences) throws Exception {
        driver = new AppDriver(preferences).launch();
        driver.selectTab("http");
        return driver;
    }

    @AfterEach
    void close() throws Exception {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void getTemplateShowsTheStatusLineAndPrettyJsonAndPostJsonArrivesExactly() throws Exception {
        launch(InMemoryPreferences.fresh());
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(0)) {
            driver.setText("#http #host", "127.0.0.1");
            driver.setText("#http #port", Integer.toString(server.port()));
            chooseTemplate("GET");
            assertTrue(driver.text("#http #request").startsWith("GET / HTTP/1.1\nHost: 127.0.0.1:" + server.port()
                    + "\n"), driver.text("#http #request"));

            driver.click("#http #send");
            driver.waitUntil(() -> driver.text("#http #responseStatus").equals("HTTP/1.1 200 OK"));
            assertEquals("2xx success", driver.text("#http #statusClass"));
            assertTrue(fx(() -> driver.node("#http #responseStatus").getStyleClass().contains("status-2xx")));
            driver.waitUntil(() -> driver.text("#http #responseBody").contains("\n  \"service\": \"inventory\""));
            String body = driver.text("#http #responseBody");
            assertTrue(body.startsWith("{\n  \"service\": \"inventory\",\n  \"version\": 3,"), body);
            assertTrue(driver.text("#http #bodyNote").contains("JSON, pretty-printed"));
            assertTrue(driver.text("#http #bodyNote").endsWith("decoded as UTF-8"), "Content-Type's charset");
            fxRun(() -> driver.<ComboBox<CharsetChoice>>node("#http #bodyCharset").setValue(CharsetChoice.all()
                    .stream().filter(c -> c.toString().equals("ISO-8859-1")).findFirst().orElseThrow()));
            driver.waitUntil(() -> driver.text("#http #bodyNote").endsWith("decoded as ISO-8859-1"));
            fxRun(() -> driver.<CheckBox>node("#http #bodyPretty").setSelected(false));
            driver.waitUntil(() -> driver.text("#http #responseBody").equals(LoopbackServers.JSON));
            assertEquals("GET", server.received.poll(5, TimeUnit.SECONDS).method());

            List<Header> headers = fx(() -> List.copyOf(driver.<TableView<Header>>node("#http #responseHeaders")
                    .getItems()));
            assertTrue(headers.stream().anyMatch(h -> h.is("Content-Type")
                    && h.value().equals("application/json; charset=utf-8")), headers.toString());
            assertTrue(fx(() -> driver.<GridPane>node("#http #timing .timing-grid").getChildren().size()) > 10,
                    "the timing table is filled");
            assertTrue(driver.listItems("#http #responseRaw").getFirst().contains("48 54 54 50 2f 31 2e 31"),
                    "the raw view starts with HTTP/1.1 in hex");

            chooseTemplate("POST_JSON");
            String expected = "{\"name\": \"Socket Workbench\", \"version\": 1}";
            assertTrue(driver.text("#http #request").endsWith("\n\n" + expected));
            driver.click("#http #send");
            LoopbackServers.Received post = server.received.poll(10, TimeUnit.SECONDS);
            assertNotNull(post, "the POST arrived");
            assertEquals("POST", post.method());
            assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), post.body());
            assertEquals(List.of(Integer.toString(expected.length())), post.headers().get("Content-length"));
            driver.waitUntil(() -> fx(() -> driver.<ListView<HistoryEntry>>node("#http #history").getItems().size())
                    == 2);
            assertTrue(fx(() -> driver.<ListView<HistoryEntry>>node("#http #history").getItems().getFirst().label()
                    .contains("POST")));
        }
    }

    @Test
    void aMalformedResponseShowsTheVerdictWithItsOffsetAndTheRawBytes() throws Exception {
        launch(InMemoryPreferences.fresh());
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nThis line has no colon\r\n\r\nok";
        long offset = response.indexOf("This line");
        try (LoopbackServers.Raw server = new LoopbackServers.Raw(response.getBytes(StandardCharsets.US_ASCII))) {
            driver.setText("#http #port", Integer.toString(server.port()));
            chooseTemplate("GET");
            driver.click("#http #send");

            driver.waitUntil(() -> !verdicts().isEmpty());
            Verdict noColon = verdicts().stream().filter(v -> v.code().equals(VerdictCodes.HEADER_NO_COLON))
                    .findFirst().orElseThrow(() -> new AssertionError("no HEADER_NO_COLON in " + verdicts()));
            assertEquals(offset, noColon.byteOffset());
            assertTrue(fx(() -> driver.node("#http #verdicts").isVisible()));
            assertTrue(driver.listItems("#http #responseRaw").size() >= 4, "the raw bytes are shown");
            assertEquals(response.length(), Integer.parseInt(driver.text("#http #rawSize")
                    .replace(" bytes", "").replace(",", "")));

            ListCell<?> cell = driver.robot().lookup("#http #verdicts .list-cell")
                    .match((ListCell<?> c) -> c.getItem() == noColon).query();
            assertTrue(fx(() -> ((javafx.scene.control.Labeled) cell.getGraphic().lookup(".verdict-offset"))
                    .getText()).contains(Long.toString(offset)));
            driver.robot().clickOn(cell);
            driver.waitUntil(() -> driver.<TabPane>node("#http #responseTabs").getSelectionModel().getSelectedItem()
                    .getId().equals("rawTab"));
            assertEquals((int) (offset / 16), fx(() -> driver.<ListView<String>>node("#http #responseRaw")
                    .getSelectionModel().getSelectedIndex()));
            assertTrue(driver.text("#http #responseRawText").contains("This line has no colon"));
        }
    }

    @Test
    void theHeaderHelperRefusesLineBreaksInline() throws Exception {
        launch(InMemoryPreferences.fresh());
        chooseTemplate("GET");
        String before = driver.text("#http #request");
        driver.setText("#http #headerName", "X-Test");
        // A paste of real CR LF: the single-line field would drop them, the helper shows them as escapes instead.
        fxRun(() -> driver.<javafx.scene.control.TextField>node("#http #headerValue").replaceSelection("a\r\nb"));
        assertEquals("a\\r\\nb", driver.text("#http #headerValue"));
        driver.click("#http #addHeader");
        assertTrue(fx(() -> driver.node("#http #headerMessage").isVisible()));
        assertEquals("The header value contains a carriage return (CR) at position 1; a header value cannot contain"
                + " line breaks or NUL", driver.text("#http #headerMessage"));
        assertEquals(before, driver.text("#http #request"), "nothing was inserted");

        driver.setText("#http #headerValue", "fine");
        assertFalse(fx(() -> driver.node("#http #headerMessage").isVisible()), "editing clears the message");
        driver.click("#http #addHeader");
        String after = driver.text("#http #request");
        assertTrue(after.endsWith("X-Test: fine\n\n"), after);
        assertEquals("", driver.text("#http #headerName"));
        assertTrue(driver.text("#http #anatomySummary").contains("4 headers"), driver.text("#http #anatomySummary"));
    }

    @Test
    void theDeadlineIsOnAndABadValueIsNamedAtItsFieldAndHoldsSend() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        launch(preferences);
        assertTrue(fx(() -> driver.<CheckBox>node("#http #deadlineOn").isSelected()), "on by default");
        assertEquals("60", driver.text("#http #deadline"));
        assertFalse(fx(() -> driver.node("#http #deadlineMessage").isVisible()));

        driver.setText("#http #deadline", "soon");
        assertTrue(fx(() -> driver.node("#http #deadlineMessage").isVisible()));
        assertEquals("\"soon\" is not a whole number of seconds", driver.text("#http #deadlineMessage"));
        assertTrue(driver.disabled("#http #send"), "Send waits for a usable deadline");

        driver.click("#http #deadlineOn");
        assertFalse(fx(() -> driver.node("#http #deadlineMessage").isVisible()), "off, the seconds do not matter");
        assertTrue(driver.disabled("#http #deadline"));
        assertFalse(driver.disabled("#http #send"));

        driver.click("#http #deadlineOn");
        driver.setText("#http #deadline", "20");
        assertFalse(driver.disabled("#http #send"));
        driver.close();
        driver = null;

        AppPreferences http = AppDriver.savedTabSettings(preferences, "http");
        assertTrue(http.getBoolean(RequestForm.PREF_DEADLINE_ON, false));
        assertEquals(20, http.getInt(RequestForm.PREF_DEADLINE, 0));
        launch(preferences);
        assertEquals("20", driver.text("#http #deadline"), "remembered");
    }

    @Test
    void theHistoryBudgetsAreShownAndABadSizeIsExplainedAtItsField() throws Exception {
        launch(InMemoryPreferences.fresh());
        assertEquals("1 GiB", driver.text("#http #historyTempBudget"));
        assertTrue(driver.text("#http #historyUsage").matches("0 B of \\d+ MiB memory · 0 B of 1 GiB temp files"),
                driver.text("#http #historyUsage"));
        assertFalse(fx(() -> driver.node("#http #historyMemoryBudgetMessage").isVisible()));

        driver.setText("#http #historyMemoryBudget", "lots");
        assertTrue(fx(() -> driver.node("#http #historyMemoryBudgetMessage").isVisible()));
        assertEquals("\"lots\" is not a size: type a number and a unit, e.g. 256 MiB or 2 GiB",
                driver.text("#http #historyMemoryBudgetMessage"));
        driver.setText("#http #historyMemoryBudget", "32 MiB");
        assertFalse(fx(() -> driver.node("#http #historyMemoryBudgetMessage").isVisible()));
        assertEquals("0 B of 32 MiB memory · 0 B of 1 GiB temp files", driver.text("#http #historyUsage"));
        assertEquals("the body is the text after the empty line", driver.text("#http #bodyFileInfo"));
        assertFalse(fx(() -> driver.node("#http #clearBodyFile").isVisible()), "no file chosen, nothing to clear");
    }

    @Test
    void insecureTlsIsShownInRedAndNeverSaved() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        launch(preferences);
        driver.click("#http #insecure");
        assertTrue(fx(() -> driver.<CheckBox>node("#http #insecure").isSelected()));
        assertTrue(fx(() -> driver.node("#http #insecure").getStyleClass().contains("insecure-on")));
        driver.click("#http #keepAlive");
        driver.close();
        driver = null;

        AppPreferences http = AppDriver.savedTabSettings(preferences, "http");
        assertTrue(http.getBoolean(RequestForm.PREF_KEEP_ALIVE, false), "other options are saved");
        assertTrue(Arrays.stream(http.node().keys()).noneMatch(key -> key.toLowerCase().contains("insecure")),
                Arrays.toString(http.node().keys()));

        launch(preferences);
        assertFalse(fx(() -> driver.<CheckBox>node("#http #insecure").isSelected()), "starts secure again");
        assertTrue(fx(() -> driver.<CheckBox>node("#http #keepAlive").isSelected()));
    }

    @Test
    void aRedirectIsShownAndFollowedOnlyOnRequestAndHistoryReopens() throws Exception {
        launch(InMemoryPreferences.fresh());
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(0)) {
            driver.setText("#http #port", Integer.toString(server.port()));
            chooseTemplate("GET");
            driver.setText("#http #request", driver.text("#http #request").replace("GET / ", "GET /old "));
            driver.click("#http #send");
            // The JDK server words 302 as "Temporary Redirect"; the status line is shown exactly as received.
            driver.waitUntil(() -> driver.text("#http #responseStatus").startsWith("HTTP/1.1 302 "));
            String redirectLine = driver.text("#http #responseStatus");
            assertTrue(fx(() -> driver.node("#http #responseStatus").getStyleClass().contains("status-3xx")));
            assertEquals("/old", server.received.poll(5, TimeUnit.SECONDS).path());
            assertTrue(server.received.isEmpty(), "the redirect is not followed on its own");

            assertTrue(fx(() -> driver.node("#http #followRedirect").isVisible()));
            driver.click("#http #followRedirect");
            assertTrue(driver.text("#http #request").startsWith("GET /new?from=old HTTP/1.1\n"));
            driver.robot().clickOn("#http #request");
            driver.robot().press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
            driver.waitUntil(() -> driver.text("#http #responseStatus").equals("HTTP/1.1 200 OK"));
            assertEquals("/new?from=old", server.received.poll(5, TimeUnit.SECONDS).path());

            ListView<HistoryEntry> history = driver.node("#http #history");
            assertEquals(2, fx(() -> history.getItems().size()));
            fxRun(() -> history.getSelectionModel().select(1));
            driver.waitUntil(() -> driver.text("#http #responseStatus").equals(redirectLine));
            driver.click("#http #loadRequest");
            assertTrue(driver.text("#http #request").startsWith("GET /old HTTP/1.1\n"));
        }
    }

    @Test
    void aFiftyMegabyteBodyIsCappedInTextAndReachableByOffsetInHex() throws Exception {
        int size = 50 * 1024 * 1024;
        launch(InMemoryPreferences.fresh());
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(size)) {
            driver.setText("#http #port", Integer.toString(server.port()));
            chooseTemplate("GET");
            driver.setText("#http #request", driver.text("#http #request").replace("GET / ", "GET /big "));
            driver.click("#http #send");
            driver.waitUntil(() -> driver.text("#http #responseStatus").equals("HTTP/1.1 200 OK"));
            driver.waitUntil(() -> driver.text("#http #bodyNote").startsWith("showing first 256 KiB of 52,428,800"));
            assertTrue(driver.text("#http #responseBody").length() <= 4 * BodyRendering.TEXT_LIMIT);
            assertTrue(driver.text("#http #responseRawText").length() <= 4 * RenderedResponse.RAW_TEXT_LIMIT);

            driver.click("#http #bodyHexToggle");
            ListView<String> hex = driver.node("#http #bodyHex");
            assertEquals(size / 16, fx(() -> hex.getItems().size()));
            long target = 0x2fffff3L;
            driver.setText("#http #bodyGoto", "0x2fffff3");
            fxRun(() -> ((javafx.scene.control.TextField) driver.node("#http #bodyGoto")).fireEvent(
                    new javafx.event.ActionEvent()));
            assertEquals((int) (target / 16), fx(() -> hex.getSelectionModel().getSelectedIndex()));
            String line = fx(() -> hex.getItems().get((int) (target / 16)));
            assertTrue(line.startsWith("02fffff0"), line);
            assertEquals(String.format("%02x", (int) (target % 251)), line.substring(10 + 3 * 3, 12 + 3 * 3));

            driver.setText("#http #bodyGoto", "60000000");
            fxRun(() -> ((javafx.scene.control.TextField) driver.node("#http #bodyGoto")).fireEvent(
                    new javafx.event.ActionEvent()));
            assertTrue(driver.text("#http #bodyGotoMessage").contains("past the end"));
        }
    }

    @Test
    void aRequestThatHangsCanBeCancelledAndARefusedOneIsExplained() throws Exception {
        launch(InMemoryPreferences.fresh());
        try (LoopbackServers.Raw silent = new LoopbackServers.Raw(null)) {
            driver.setText("#http #port", Integer.toString(silent.port()));
            chooseTemplate("GET");
            driver.click("#http #send");
            driver.waitUntil(() -> driver.node("#http #cancel").isVisible());
            assertTrue(driver.disabled("#http #send"), "one request at a time");
            driver.waitUntil(() -> driver.text("#http #progress").startsWith("Waiting"));
            driver.click("#http #cancel");
            driver.waitUntil(() -> !driver.node("#http #cancel").isVisible());
            assertTrue(driver.text("#http #exchangeFailure").contains("Cancelled"),
                    driver.text("#http #exchangeFailure"));
            assertFalse(driver.disabled("#http #send"));
        }

        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        driver.setText("#http #port", Integer.toString(closedPort));
        driver.click("#http #send");
        driver.waitUntil(() -> driver.text("#http #responseStatus").equals("No response"));
        String failure = driver.text("#http #exchangeFailure");
        assertTrue(failure.contains("Connection refused: nothing is listening on 127.0.0.1:" + closedPort), failure);
        driver.waitUntil(() -> driver.<NotificationPane>node("#http #notifications").isShowing());
    }

    private List<Verdict> verdicts() {
        return fx(() -> List.copyOf(driver.<ListView<Verdict>>node("#http #verdicts").getItems()));
    }

    /** Picks a template from the Template menu the way a user does. */
    private void chooseTemplate(String name) {
        RequestTemplate.valueOf(name);
        driver.click("#http #template");
        Node item = driver.robot().lookup("#template-" + name).query();
        driver.robot().clickOn(item);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
