package com.socketworkbench.app;

import com.socketworkbench.ui.tab.WorkbenchTab;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/** The window's status bar: it shows the selected tab's state and counters ({@code #statusBar}, {@code #statusCounters}). */
final class WindowStatusBar {
    private final StatusBar bar = new StatusBar();
    private final Label counters = new Label();

    WindowStatusBar() {
        bar.setId("statusBar");
        // It only shows text: the Tab key goes from the tab's last control back to the tab headers.
        bar.setFocusTraversable(false);
        counters.setId("statusCounters");
        counters.getStyleClass().add("status-counters");
        bar.getRightItems().add(counters);
    }

    StatusBar node() {
        return bar;
    }

    /** Follows {@code tab}'s status, or shows nothing for none. */
    void follow(WorkbenchTab tab) {
        bar.textProperty().unbind();
        counters.textProperty().unbind();
        counters.visibleProperty().unbind();
        if (tab == null) {
            bar.setText("");
            counters.setText("");
            return;
        }
        bar.textProperty().bind(tab.status().stateProperty());
        counters.textProperty().bind(tab.status().countersText());
        counters.visibleProperty().bind(tab.status().countersShownProperty());
    }
}
