package com.socketworkbench.ui.http;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static com.socketworkbench.app.AppDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a newcomer hit in the HTTP tab, driven through the real app on 127.0.0.1: curl import and the URL bar, the
 * Host fix, every verdict visible with its offset, and a malformed 200 that is not a green success in the history,
 * also after a restart.
 */
@Timeout(120)
class HttpNewcomerTest {
    /** A 200 with three header lines that have no colon: three error verdicts. */
    private static final String MALFORMED = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nBad line one\r\n"
            + "Bad line two\r\nBad line three\r\nBad line four\r\n\r\nok";

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
    void curlImportUrlBarAndHostFixFillTheForm() throws Exception {
        launch(InMemoryPreferences.fresh());
        assertFalse(fx(() -> driver.node("#http #curlText").getParent().isVisible()), "the paste area opens on request");
        driver.click("#http #curlImport");
        driver.setText("#http #curlText", "curl 'http://127.0.0.1:8089/api/items?id=7' \\\n  -X PUT \\\n"
                + "  -H 'Content-Type: application/json' --data-raw '{\"id\": 7}'");
        driver.click("#http #curlApply");
        assertEquals("PUT /api/items?id=7 HTTP/1.1\nHost: 127.0.0.1:8089\nContent-Type: application/json\n"
                + "Content-Length: 9\n\n{\"id\": 7}", driver.text("#http #request"));
        assertEquals("8089", driver.text("#http #port"));
        assertFalse(fx(() -> driver.node("#http #curlText").getParent().isVisible()),
                "a complete import closes the area");

        driver.click("#http #curlImport");
        driver.setText("#http #curlText", "curl -L http://127.0.0.1:8090/");
        driver.click("#http #curlApply");
        assertTrue(driver.text("#http #curlMessage").contains("-L"), driver.text("#http #curlMessage"));
        assertEquals("8090", driver.text("#http #port"));

        driver.robot().clickOn("#http #urlBar").write("ftp://nowhere/").type(KeyCode.ENTER);
        driver.waitUntil(() -> driver.text("#http #urlBarMessage").contains("http://"));
        driver.setText("#http #urlBar", "http://127.0.0.1:8080/path?q=1");
        driver.robot().clickOn("#http #urlBar").type(KeyCode.ENTER);
        driver.waitUntil(() -> driver.text("#http #port").equals("8080"));
        assertEquals("", driver.text("#http #urlBarMessage"));
        assertTrue(driver.text("#http #request").startsWith("GET /path?q=1 HTTP/1.1\nHost: 127.0.0.1:8080\n"),
                driver.text("#http #request"));

        assertFalse(fx(() -> driver.node("#http #fixHost").isVisible()));
        driver.setText("#http #request", "GET / HTTP/1.1\nHost: example.org\n\n");
        driver.waitUntil(() -> driver.node("#http #fixHost").isVisible());
        driver.click("#http #fixHost");
        assertEquals("GET / HTTP/1.1\nHost: 127.0.0.1:8080\n\n", driver.text("#http #request"));
        driver.waitUntil(() -> !driver.node("#http #fixHost").isVisible());
    }

    @Test
    void everyVerdictIsVisibleWithItsOffsetAndAMalformed200IsNoGreenSuccessEvenAfterARestart() throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        launch(preferences);
        try (LoopbackServers.Raw server = new LoopbackServers.Raw(MALFORMED.getBytes(StandardCharsets.US_ASCII))) {
            driver.setText("#http #urlBar", "http://127.0.0.1:" + server.port() + "/");
            driver.robot().clickOn("#http #urlBar").type(KeyCode.ENTER);
            driver.waitUntil(() -> driver.text("#http #port").equals(Integer.toString(server.port())));
            driver.click("#http #send");
            driver.waitUntil(() -> verdicts().size() >= 4);
        }
        List<Verdict> verdicts = verdicts();
        ListView<Verdict> list = driver.node("#http #verdicts");
        for (Verdict verdict : verdicts) {
            ListCell<?> cell = driver.robot().lookup("#http #verdicts .list-cell")
                    .match((ListCell<?> c) -> c.getItem() == verdict).query();
            Node offset = fx(() -> cell.getGraphic().lookup(".verdict-offset"));
            assertTrue(fx(() -> withinList(list, offset)), "verdict " + verdict + " and its offset are in view");
        }
        assertFalse(fx(() -> list.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar instanceof ScrollBar s
                && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible())), "no horizontal scroll bar");
        assertHistoryMarksTheEntryMalformed();

        driver.close();
        driver = null;
        launch(preferences);
        driver.waitUntil(() -> !driver.<ListView<HistoryEntry>>node("#http #history").getItems().isEmpty());
        assertHistoryMarksTheEntryMalformed();
    }

    private void assertHistoryMarksTheEntryMalformed() {
        driver.waitUntil(() -> driver.robot().lookup("#http #history .list-cell .history-status").queryAll()
                .stream().anyMatch(n -> ((javafx.scene.control.Label) n).getText().equals("200 ⚠")));
        Set<Node> rows = driver.robot().lookup("#http #history .status-malformed").queryAll();
        assertEquals(1, rows.size(), "the entry has its own style");
        assertTrue(driver.robot().lookup("#http #history .status-2xx").queryAll().isEmpty(), "it is no green 200");
    }

    private List<Verdict> verdicts() {
        return fx(() -> List.copyOf(driver.<ListView<Verdict>>node("#http #verdicts").getItems()));
    }

    /** The node lies inside the list's visible area, both ways. */
    private static boolean withinList(ListView<?> list, Node node) {
        Bounds listBounds = list.localToScene(list.getLayoutBounds());
        Bounds nodeBounds = node.localToScene(node.getLayoutBounds());
        return node.isVisible() && nodeBounds.getWidth() > 0 && nodeBounds.getMinX() >= listBounds.getMinX() - 0.5
                && nodeBounds.getMaxX() <= listBounds.getMaxX() + 0.5 && nodeBounds.getMinY() >= listBounds.getMinY()
                - 0.5 && nodeBounds.getMaxY() <= listBounds.getMaxY() + 0.5;
    }
}
