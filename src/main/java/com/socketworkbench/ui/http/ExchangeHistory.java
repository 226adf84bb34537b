package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.ui.fx.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP tab's finished exchanges, newest first and at most {@value #LIMIT}, and the one the response area shows.
 * The history owns their exchanges: an entry that falls off the end or is cleared has its exchange closed (its temp
 * files deleted) off the FX thread. FX thread only.
 */
final class ExchangeHistory {
    /** Each kept exchange may hold a spooled response on disk; the oldest go first. */
    static final int LIMIT = 100;

    private final UiExecutor executor;
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryEntry> shown = new SimpleObjectProperty<>(this, "shown");
    private long sequence;

    ExchangeHistory(UiExecutor executor) {
        this.executor = executor;
    }

    /** Adds the exchange sent from {@code requestText} as the newest entry; the oldest beyond the limit go. */
    HistoryEntry add(HttpExchange exchange, String requestText) {
        HistoryEntry entry = new HistoryEntry(++sequence, exchange, requestText);
        entries.addFirst(entry);
        List<HistoryEntry> evicted = new ArrayList<>();
        while (entries.size() > LIMIT) {
            evicted.add(entries.removeLast());
        }
        if (evicted.contains(shown.get())) {
            shown.set(null);
        }
        release(evicted);
        return entry;
    }

    /** Forgets every entry and closes their exchanges. */
    void clear() {
        release(forgetAll());
    }

    /** Forgets every entry and hands them over: the caller closes their exchanges. */
    List<HistoryEntry> forgetAll() {
        List<HistoryEntry> all = List.copyOf(entries);
        shown.set(null);
        entries.clear();
        return all;
    }

    private void release(List<HistoryEntry> released) {
        if (!released.isEmpty()) {
            executor.run("http-release", () -> released.forEach(entry -> entry.exchange().close()), () -> { });
        }
    }

    ObservableList<HistoryEntry> entries() {
        return entries;
    }

    ObjectProperty<HistoryEntry> shownProperty() {
        return shown;
    }
}
