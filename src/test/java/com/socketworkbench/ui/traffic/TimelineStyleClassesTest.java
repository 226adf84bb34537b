package com.socketworkbench.ui.traffic;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows and cells change their style classes only when the kind of row changes (each change restyles the node). */
class TimelineStyleClassesTest {
    private static final List<String> FAMILY = List.of("received", "sent", "event");

    @Test
    void theSameStyleAgainChangesNothing() {
        ObservableList<String> styles = FXCollections.observableArrayList("table-cell", "received");
        int[] changes = {0};
        styles.addListener((ListChangeListener<String>) change -> changes[0]++);

        TimelineView.setStyleOf(styles, FAMILY, "received");

        assertEquals(List.of("table-cell", "received"), styles);
        assertEquals(0, changes[0]);
    }

    @Test
    void anotherStyleOfTheFamilyReplacesTheOldOne() {
        ObservableList<String> styles = FXCollections.observableArrayList("table-cell", "received");

        TimelineView.setStyleOf(styles, FAMILY, "sent");

        assertEquals(List.of("table-cell", "sent"), styles);
    }

    @Test
    void noneRemovesTheWholeFamilyAndKeepsTheRest() {
        ObservableList<String> styles = FXCollections.observableArrayList("event", "table-cell", "received");

        TimelineView.setStyleOf(styles, FAMILY, null);

        assertEquals(List.of("table-cell"), styles);
        TimelineView.setStyleOf(styles, FAMILY, null);
        assertEquals(List.of("table-cell"), styles);
    }

    @Test
    void aMissingStyleIsAdded() {
        ObservableList<String> styles = FXCollections.observableArrayList("table-cell");

        TimelineView.setStyleOf(styles, FAMILY, "event");

        assertEquals(List.of("table-cell", "event"), styles);
    }
}
