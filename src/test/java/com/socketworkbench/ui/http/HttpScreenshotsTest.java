package com.socketworkbench.ui.http;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.app.Screenshots;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.engine.http.VerdictCodes;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the real app's HTTP tab at 1280x800 against loopback servers and writes {@code http.png} (a pretty JSON
 * response with its timing) and {@code http-malformed.png} (a verdict and the raw hex) into {@code screenshots.dir}.
 * Run with {@code mvn test -Pscreenshots -Dtest='HttpScreenshotsTest*'}.
 */
@Tag("screenshots")
@Timeout(120)
class HttpScreenshotsTest {
    private final AppDriver driver = new AppDriver();

    @BeforeEach
    void launch() throws Exception {
        driver.launch();
        Screenshots.sizeWindow(driver.stage());
        driver.selectTab("http");
    }

    @AfterEach
    void close() throws Exception {
        driver.close();
    }

    @Test
    void jsonResponse() throws Exception {
        try (LoopbackServers.Jdk server = new LoopbackServers.Jdk(0)) {
            driver.setText("#http #port", Integer.toString(server.port()));
            chooseTemplate("POST_JSON");
            driver.click("#http #send");
            assertNotNull(server.received.poll(10, TimeUnit.SECONDS));
            waitForHistory(1);

            chooseTemplate("GET");
            driver.setText("#http #request", driver.text("#http #request").replace("GET / ", "GET /api/inventory "));
            driver.setText("#http #headerName", "X-Request-Id");
            driver.setText("#http #headerValue", "7f3a-42");
            driver.click("#http #addHeader");
            driver.click("#http #send");
            assertNotNull(server.received.poll(10, TimeUnit.SECONDS));
            waitForHistory(2);
            driver.waitUntil(() -> driver.text("#http #responseStatus").equals("HTTP/1.1 200 OK"));
            driver.waitUntil(() -> driver.text("#http #responseBody").contains("\"service\": \"inventory\""));
            WaitForAsyncUtils.waitForFxEvents();
            snapshot("http.png");
        }
    }

    @Test
    void malformedResponse() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 14\r\n"
                + "X-Debug this line has no colon\r\nContent-Length: 16\r\n\r\nhello, world!\r\n";
        try (LoopbackServers.Raw server = new LoopbackServers.Raw(response.getBytes(StandardCharsets.US_ASCII))) {
            driver.setText("#http #port", Integer.toString(server.port()));
            chooseTemplate("GET");
            driver.click("#http #send");
            driver.waitUntil(() -> !fx(() -> driver.<ListView<Verdict>>node("#http #verdicts").getItems().isEmpty()));
            Verdict noColon = fx(() -> driver.<ListView<Verdict>>node("#http #verdicts").getItems().stream()
                    .filter(v -> v.code().equals(VerdictCodes.HEADER_NO_COLON)).findFirst().orElseThrow());
            Node cell = driver.robot().lookup("#http #verdicts .list-cell")
                    .match((ListCell<?> c) -> c.getItem() == noColon).query();
            driver.robot().clickOn(cell);
            driver.waitUntil(() -> driver.<TabPane>node("#http #responseTabs").getSelectionModel().getSelectedItem()
                    .getId().equals("rawTab"));
            driver.waitUntil(() -> !driver.text("#http #responseRawText").isEmpty());
            assertTrue(driver.listItems("#http #responseRaw").size() > 5);
            WaitForAsyncUtils.waitForFxEvents();
            snapshot("http-malformed.png");
        }
    }

    private void waitForHistory(int size) {
        driver.waitUntil(() -> driver.<ListView<?>>node("#http #history").getItems().size() == size);
    }

    private void chooseTemplate(String name) {
        driver.click("#http #template");
        driver.robot().clickOn(driver.robot().lookup("#template-" + name).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void snapshot(String name) throws IOException {
        Path file = Screenshots.write(driver.stage().getScene(), name);
        assertTrue(Files.size(file) > 10_000, "a real picture was written to " + file);
    }
}
