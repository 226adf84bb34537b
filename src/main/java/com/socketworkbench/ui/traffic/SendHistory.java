package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.PayloadFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last {@value #DEFAULT_LIMIT} things sent, newest last, without duplicates (sending something again moves it to
 * the end), walked like a shell history: {@link #previous} steps back, {@link #next()} forward, and past the
 * newest entry {@code next} returns to the draft that was being typed. An entry is whatever a send bar needs to put
 * a send back ({@link Entry} for the socket tabs' send editor, a record of its own in the WebSocket tab).
 *
 * @param <E> an entry; equal entries are one (a value record)
 */
public final class SendHistory<E> {
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

    private final List<E> entries = new ArrayList<>();
    private final int limit;
    private int cursor;
    private E draft;

    public SendHistory() {
        this(DEFAULT_LIMIT);
    }

    public SendHistory(int limit) {
        this.limit = limit;
    }

    /** Remembers a send and resets the cursor past the newest entry. */
    public void record(E entry) {
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
    public Optional<E> previous(E current) {
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
    public Optional<E> next() {
        if (cursor >= entries.size()) {
            return Optional.empty();
        }
        cursor++;
        if (cursor == entries.size()) {
            return Optional.ofNullable(draft);
        }
        return Optional.of(entries.get(cursor));
    }

    public List<E> entries() {
        return List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }
}
