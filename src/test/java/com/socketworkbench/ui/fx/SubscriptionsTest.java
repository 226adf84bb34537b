package com.socketworkbench.ui.fx;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SubscriptionsTest {
    @Test
    void disposeRemovesListenersAndBindings() {
        Subscriptions subscriptions = new Subscriptions();
        StringProperty source = new SimpleStringProperty("a");
        StringProperty target = new SimpleStringProperty();
        StringProperty twoWay = new SimpleStringProperty();
        ObservableList<String> list = FXCollections.observableArrayList();
        List<String> seen = new ArrayList<>();

        subscriptions.bind(target, source);
        subscriptions.bindBidirectional(twoWay, source);
        subscriptions.listen(source, (obs, old, now) -> seen.add("change " + now));
        subscriptions.subscribe(source, value -> seen.add("value " + value));
        subscriptions.listen(list, (ListChangeListener<String>) change -> seen.add("list"));
        source.set("b");
        list.add("x");
        assertEquals(5, subscriptions.size());

        subscriptions.dispose();
        seen.clear();
        source.set("c");
        list.add("y");

        assertEquals(List.of(), seen);
        assertEquals("b", target.get());
        assertEquals("b", twoWay.get());
        assertFalse(target.isBound());
        assertEquals(0, subscriptions.size());
    }

    @Test
    void registeringAfterDisposeUndoesAtOnce() {
        Subscriptions subscriptions = new Subscriptions();
        subscriptions.dispose();
        StringProperty source = new SimpleStringProperty("a");
        StringProperty target = new SimpleStringProperty();
        subscriptions.bind(target, source);
        assertFalse(target.isBound());
    }
}
