package com.socketworkbench.app;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Set;
import java.util.stream.Collectors;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * window.css fixes the cell size of a combo box's list while the list sits unseen in the combo box (start-up styles
 * no cell per item, P6); once the list opens in its popup the rule no longer applies and every item gets a cell of
 * its natural height, as before.
 */
@Timeout(60)
class ComboBoxListsTest {
    private final AppDriver driver = new AppDriver();

    @AfterEach
    void close() throws Exception {
        fxRun(() -> driver.<ComboBox<?>>node("#tcpServer #inputCharset").hide());
        driver.close();
    }

    @Test
    void theOpenListSizesItsCellsAsBefore() throws Exception {
        driver.launch();
        driver.selectTab("tcpServer");
        ComboBox<?> charsets = driver.node("#tcpServer #inputCharset");
        ListView<?> list = fx(() -> (ListView<?>) ((ComboBoxListViewSkin<?>) charsets.getSkin()).getPopupContent());
        assertEquals(24.0, fx(list::getFixedCellSize), "unseen in the combo box: a fixed cell size");

        fxRun(charsets::show);
        driver.waitUntil(() -> fx(() -> list.getScene() != null && list.getScene().getWindow() != null
                && list.getScene().getWindow().isShowing() && !list.lookupAll(".list-cell").isEmpty()));
        assertTrue(fx(list::getFixedCellSize) <= 0, "in the popup: cells size themselves");
        Set<String> shown = fx(() -> list.lookupAll(".list-cell").stream()
                .map(node -> ((ListCell<?>) node).getText()).filter(text -> text != null && !text.isEmpty())
                .collect(Collectors.toSet()));
        assertTrue(shown.contains("UTF-8") && shown.contains("GBK"), "the items are listed: " + shown);
    }
}
