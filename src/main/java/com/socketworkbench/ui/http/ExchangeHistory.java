package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.ExchangeFootprint;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.traffic.Formats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP tab's finished exchanges, newest first and at most {@value #LIMIT}, and the one the response area shows.
 * The history owns their exchanges: an entry that falls off the end or is cleared has its exchange closed (its temp
 * files deleted) off the FX thread. FX thread only.
 *
 * <p>Two byte budgets hold for everything it keeps, the newest entry included: one for the heap, one for temp files
 * ({@link ExchangeFootprint}). Above either, the oldest entries that hold that kind of bytes lose their stored bytes
 * first ({@link HistoryEntry#withoutStoredBytes}): they stay in the list with their summary and say why. Dropping
 * rather than re-parsing lazily keeps the guarantee simple: what is not kept costs nothing, whatever the peer sent.
 */
final class ExchangeHistory {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    /** Each kept exchange may hold a spooled response on disk; the oldest go first. */
    static final int LIMIT = 100;

    /** What the history holds against its budgets. */
    record Usage(ExchangeFootprint used, long memoryBudget, long tempBudget, int droppedEntries) {
        /** "1.2 MiB of 48 MiB memory · 0 B of 1 GiB temp files · 3 without bytes". */
        String describe() {
            String usage = TEXT.get("history.usage", Formats.bytes(used.memoryBytes()),
                    ByteSizeInput.format(memoryBudget), Formats.bytes(used.fileBytes()),
                    ByteSizeInput.format(tempBudget));
            return droppedEntries == 0 ? usage : usage + " · " + TEXT.get(droppedEntries == 1
                    ? "history.usage.dropped.one" : "history.usage.dropped.other", droppedEntries);
        }
    }

    private final UiExecutor executor;
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryEntry> shown = new SimpleObjectProperty<>(this, "shown");
    private final ReadOnlyObjectWrapper<Usage> usage = new ReadOnlyObjectWrapper<>(this, "usage");
    private long memoryBudget;
    private long tempBudget;
    private long sequence;

    ExchangeHistory(UiExecutor executor, long memoryBudget, long tempBudget) {
        this.executor = executor;
        this.memoryBudget = memoryBudget;
        this.tempBudget = tempBudget;
        updateUsage(ExchangeFootprint.NONE);
    }

    /**
     * Adds the exchange sent from {@code requestText} as the newest entry; the oldest beyond the limit go, and the
     * budgets are enforced.
     *
     * @return the newest entry as kept (without its bytes when they alone exceed a budget), or null when nothing
     *         could be kept
     */
    HistoryEntry add(HttpExchange exchange, String requestText, Charset requestCharset) {
        HistoryEntry entry = HistoryEntry.of(++sequence, exchange, requestText, requestCharset);
        entries.addFirst(entry);
        List<HistoryEntry> evicted = new ArrayList<>();
        while (entries.size() > LIMIT) {
            evicted.add(entries.removeLast());
        }
        if (evicted.contains(shown.get())) {
            shown.set(null);
        }
        List<HttpExchange> released = new ArrayList<>(evicted.stream().map(HistoryEntry::exchange).toList());
        enforceBudgets(released);
        release(released);
        // The newest goes last of all: it is gone only when its summary alone is over the memory budget.
        return entries.isEmpty() ? null : entries.getFirst();
    }

    /**
     * Puts entries saved in a workspace (newest first) behind the ones there are, at most {@value #LIMIT} in all;
     * the budgets hold for them as for any other entry. New entries are numbered after the highest restored one.
     */
    void restore(List<HistoryEntry> saved) {
        List<HttpExchange> released = new ArrayList<>();
        for (HistoryEntry entry : saved) {
            if (entries.size() < LIMIT) {
                entries.add(entry);
                sequence = Math.max(sequence, entry.number());
            } else {
                released.add(entry.exchange());
            }
        }
        enforceBudgets(released);
        release(released);
    }

    /** New budgets in force; lowering one drops stored bytes at once. */
    void setBudgets(long memoryBudget, long tempBudget) {
        this.memoryBudget = memoryBudget;
        this.tempBudget = tempBudget;
        List<HttpExchange> released = new ArrayList<>();
        enforceBudgets(released);
        release(released);
    }

    /**
     * Drops the stored bytes of the oldest entries until both budgets hold: an entry is dropped only for a budget
     * its bytes count against. Summaries that alone exceed the heap budget (never seen in practice: heads and
     * verdicts are capped) make the oldest entries go entirely.
     */
    private void enforceBudgets(List<HttpExchange> released) {
        ExchangeFootprint total = total();
        for (int i = entries.size() - 1; i >= 0 && !within(total); i--) {
            HistoryEntry entry = entries.get(i);
            if (entry.bytesDropped()) {
                continue;
            }
            boolean memoryOver = total.memoryBytes() > memoryBudget;
            boolean tempOver = total.fileBytes() > tempBudget;
            HistoryEntry stripped = entry.withoutStoredBytes(reason(memoryOver, tempOver));
            boolean helps = (memoryOver && stripped.footprint().memoryBytes() < entry.footprint().memoryBytes())
                    || (tempOver && entry.footprint().fileBytes() > 0);
            if (!helps) {
                continue;
            }
            total = total.minus(entry.footprint()).plus(stripped.footprint());
            replace(i, entry, stripped);
            released.add(entry.exchange());
        }
        while (total.memoryBytes() > memoryBudget && !entries.isEmpty()) {
            HistoryEntry oldest = entries.removeLast();
            total = total.minus(oldest.footprint());
            if (oldest == shown.get()) {
                shown.set(null);
            }
            released.add(oldest.exchange());
        }
        updateUsage(total);
    }

    private String reason(boolean memoryOver, boolean tempOver) {
        String memory = ByteSizeInput.format(memoryBudget);
        String temp = ByteSizeInput.format(tempBudget);
        return memoryOver && tempOver ? TEXT.get("history.dropped.both", memory, temp)
                : memoryOver ? TEXT.get("history.dropped.memory", memory)
                : TEXT.get("history.dropped.temp", temp);
    }

    private void replace(int index, HistoryEntry old, HistoryEntry now) {
        entries.set(index, now);
        if (shown.get() == old) {
            shown.set(now);
        }
    }

    private boolean within(ExchangeFootprint total) {
        return total.memoryBytes() <= memoryBudget && total.fileBytes() <= tempBudget;
    }

    private ExchangeFootprint total() {
        ExchangeFootprint total = ExchangeFootprint.NONE;
        for (HistoryEntry entry : entries) {
            total = total.plus(entry.footprint());
        }
        return total;
    }

    private void updateUsage(ExchangeFootprint total) {
        int dropped = (int) entries.stream().filter(HistoryEntry::bytesDropped).count();
        usage.set(new Usage(total, memoryBudget, tempBudget, dropped));
    }

    /** Forgets every entry and closes their exchanges. */
    void clear() {
        release(forgetAll().stream().map(HistoryEntry::exchange).toList());
    }

    /** Forgets every entry and hands them over: the caller closes their exchanges. */
    List<HistoryEntry> forgetAll() {
        List<HistoryEntry> all = List.copyOf(entries);
        shown.set(null);
        entries.clear();
        updateUsage(ExchangeFootprint.NONE);
        return all;
    }

    private void release(List<HttpExchange> released) {
        if (!released.isEmpty()) {
            executor.run("http-release", () -> released.forEach(HttpExchange::close), () -> { });
        }
    }

    ObservableList<HistoryEntry> entries() {
        return entries;
    }

    ObjectProperty<HistoryEntry> shownProperty() {
        return shown;
    }

    /** What the kept entries cost against the budgets; updated on every change. */
    ReadOnlyObjectProperty<Usage> usageProperty() {
        return usage.getReadOnlyProperty();
    }
}
