package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.PayloadFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last {@value #DEFAULT_LIMIT} things sent, newest last, without duplicates (sending something again moves it to
 * the end), walked like a shell history: {@link #previous()} steps back, {@link #next()} forward, and past the
 * newest entry {@code next} returns to the draft that was being typed.
 */
public final class SendHistory {
    public static final int DEFAULT_LIMIT = 100;

    /**
     * What was sent: the text as typed and how it was interpreted (escapes matter only for text; fields say whether
     * {@code {{...}}} were filled in).
     */
    public record Entry(String text, PayloadFormat format, boolean escapes, boolean fields) {
        /** An entry read with escapes on, as every entry was before escapes could be switched off. */
        public Entry(String text, PayloadFormat format) {
            this(text, format, true, false);
        }

        /** An entry without dynamic fields, as every entry was before fields existed. */
        public Entry(String text, PayloadFormat format, boolean escapes) {
            this(text, format, escapes, false);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final int limit;
    private int cursor;
    private Entry draft;

    public SendHistory() {
        this(DEFAULT_LIMIT);
    }

    public SendHistory(int limit) {
        this.limit = limit;
    }

    /** Remembers a send and resets the cursor past the newest entry. */
    public void record(Entry entry) {
        entries.remove(entry);
        entries.add(entry);
        while (entries.size() > limit) {
            entries.removeFirst();
        }
        cursor = entries.size();
        draft = null;
    }

    /**
     * One step back; {@code current} is what the editor holds now (kept as the draft when leaving it).
     * Empty when there is nothing older.
     */
    public Optional<Entry> previous(Entry current) {
        if (cursor == 0) {
            return Optional.empty();
        }
        if (cursor == entries.size()) {
            draft = current;
        }
        cursor--;
        return Optional.of(entries.get(cursor));
    }

    /** One step forward; past the newest entry, the draft comes back. Empty when already at the draft. */
    public Optional<Entry> next() {
        if (cursor >= entries.size()) {
            return Optional.empty();
        }
        cursor++;
        if (cursor == entries.size()) {
            return Optional.ofNullable(draft);
        }
        return Optional.of(entries.get(cursor));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }
}
