package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.traffic.Formats;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The two byte budgets of the HTTP tab's history as typed: how much of the heap and how much of the temp directory
 * its kept exchanges may take. Each is a {@link ByteSizeInput} with its verdict; while one is not valid the last
 * valid value stays in force (and is what is saved), so a half-typed size never empties the history.
 *
 * <p>Defaults: an eighth of the heap ({@code -Xmx}) and 1 GiB of temp files.
 */
final class HistoryBudgets {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    static final String PREF_MEMORY = "historyMemoryBudget";
    static final String PREF_TEMP = "historyTempBudget";
    static final long DEFAULT_TEMP_BYTES = ByteSizeInput.GIB;
    static final long MIN_BYTES = ByteSizeInput.MIB;
    static final long MAX_TEMP_BYTES = ByteSizeInput.TIB;

    private final AppPreferences preferences;
    private final long defaultMemory;
    private final ByteSizeInput memory;
    private final ByteSizeInput temp;
    private final ReadOnlyLongWrapper memoryBytes = new ReadOnlyLongWrapper(this, "memoryBytes");
    private final ReadOnlyLongWrapper tempBytes = new ReadOnlyLongWrapper(this, "tempBytes");

    /** @param heapBytes the heap the app may grow to ({@link Runtime#maxMemory()}) */
    HistoryBudgets(AppPreferences preferences, long heapBytes, Subscriptions subscriptions) {
        this.preferences = preferences;
        defaultMemory = defaultMemory(heapBytes);
        long maxMemory = Math.max(MIN_BYTES, heapBytes / 4 * 3);
        memory = new ByteSizeInput(preferences.get(PREF_MEMORY, ByteSizeInput.format(defaultMemory)), MIN_BYTES,
                maxMemory, TEXT.get("budget.memory.max", Formats.bytes(heapBytes)));
        temp = new ByteSizeInput(preferences.get(PREF_TEMP, ByteSizeInput.format(DEFAULT_TEMP_BYTES)), MIN_BYTES,
                MAX_TEMP_BYTES, "");
        memoryBytes.set(memory.bytes() > 0 ? memory.bytes() : defaultMemory);
        tempBytes.set(temp.bytes() > 0 ? temp.bytes() : DEFAULT_TEMP_BYTES);
        subscriptions.listen(memory.textProperty(), (obs, old, now) -> {
            if (memory.bytes() > 0) {
                memoryBytes.set(memory.bytes());
            }
        });
        subscriptions.listen(temp.textProperty(), (obs, old, now) -> {
            if (temp.bytes() > 0) {
                tempBytes.set(temp.bytes());
            }
        });
    }

    /** An eighth of the heap in whole MiB, at least 16 MiB (and never more than the heap allows). */
    static long defaultMemory(long heapBytes) {
        long eighth = heapBytes / 8 / ByteSizeInput.MIB * ByteSizeInput.MIB;
        return Math.min(Math.max(16 * ByteSizeInput.MIB, eighth), Math.max(MIN_BYTES, heapBytes / 4 * 3));
    }

    /** Remembers the budgets in force; the caller flushes. */
    void save() {
        preferences.put(PREF_MEMORY, ByteSizeInput.format(memoryBytes.get()));
        preferences.put(PREF_TEMP, ByteSizeInput.format(tempBytes.get()));
    }

    /** The heap budget as typed, with its verdict. */
    ByteSizeInput memory() {
        return memory;
    }

    /** The temp-file budget as typed, with its verdict. */
    ByteSizeInput temp() {
        return temp;
    }

    /** The heap budget in force: the last valid size typed. */
    ReadOnlyLongProperty memoryBytesProperty() {
        return memoryBytes.getReadOnlyProperty();
    }

    /** The temp-file budget in force: the last valid size typed. */
    ReadOnlyLongProperty tempBytesProperty() {
        return tempBytes.getReadOnlyProperty();
    }

    long defaultMemoryBytes() {
        return defaultMemory;
    }
}
