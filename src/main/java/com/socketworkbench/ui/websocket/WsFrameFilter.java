package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.traffic.PayloadPattern;
import com.socketworkbench.ui.traffic.SearchMode;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The WebSocket timeline's filter: a text, regex or hex pattern and a direction narrow the rows shown. The pattern is
 * the other tabs' timeline search ({@link PayloadPattern}, {@link SearchMode}), so the three modes read the same
 * everywhere: text and regex look in the whole payload kept (UTF-8) and in the row's words (preview, opcode, kind,
 * verdicts), hex in the payload only. The shown rows are a {@link FilteredList} over the model's bounded rows, so
 * new rows are checked once as they arrive and dropped ones leave with them. A new pattern over more than
 * {@value #SEARCH_IN_BACKGROUND_BYTES} payload bytes (the rows keep up to 64 MiB, and a regex decodes them all) is
 * matched on a thread of its own against a snapshot, the rows shown staying as they were until it is done; a newer
 * pattern cancels it. FX thread only, but for that search.
 */
final class WsFrameFilter {
    /** Up to this many payload bytes are matched at once on the FX thread (well under a frame's time). */
    static final long SEARCH_IN_BACKGROUND_BYTES = 256 * 1024;

    /** Which way the rows shown went. */
    enum Way {
        ALL("filter.way.all"), SENT("filter.way.sent"), RECEIVED("filter.way.received");

        private final String key;

        Way(String key) {
            this.key = key;
        }

        @Override
        public String toString() {
            return TEXT.get(key);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(WsFrameFilter.class);

    private final ObservableList<FrameRow> rows;
    private final FilteredList<FrameRow> shown;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<SearchMode> mode = new SimpleObjectProperty<>(this, "mode", SearchMode.PLAIN);
    private final ObjectProperty<Way> way = new SimpleObjectProperty<>(this, "way", Way.ALL);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final StringBinding count;
    private final UiExecutor executor;
    /** The background search running now; null when none. */
    private AtomicBoolean running;

    WsFrameFilter(ObservableList<FrameRow> rows, UiExecutor executor, Subscriptions subscriptions) {
        this.rows = rows;
        this.executor = executor;
        this.shown = new FilteredList<>(rows);
        count = Bindings.createStringBinding(() -> searching.get() ? TEXT.get("filter.searching")
                : TEXT.get("filter.count", shown.size(), rows.size()), shown, rows, searching);
        subscriptions.add(count::dispose);
        subscriptions.subscribe(text, typed -> apply());
        subscriptions.subscribe(mode, chosen -> apply());
        subscriptions.subscribe(way, chosen -> apply());
        subscriptions.add(this::cancel);
    }

    /** Whether a large timeline is being matched against a new pattern now. */
    ReadOnlyBooleanProperty searching() {
        return searching.getReadOnlyProperty();
    }

    StringProperty text() {
        return text;
    }

    ObjectProperty<SearchMode> mode() {
        return mode;
    }

    ObjectProperty<Way> way() {
        return way;
    }

    /** What is wrong with the pattern as typed (an invalid regex, a bad hex byte); "" when it reads. */
    ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** Whether some rows may be hidden: a pattern that reads, or a direction chosen. */
    ReadOnlyBooleanProperty active() {
        return active.getReadOnlyProperty();
    }

    /** The rows the timeline shows. */
    ObservableList<FrameRow> shown() {
        return shown;
    }

    /** "12 of 340 frames". */
    StringBinding count() {
        return count;
    }

    /** A copy of the rows shown now (the export's "shown" scope). */
    List<FrameRow> shownNow() {
        return List.copyOf(shown);
    }

    /** A copy of every row kept. */
    List<FrameRow> allNow() {
        return List.copyOf(rows);
    }

    private void apply() {
        String typed = text.get() == null ? "" : text.get();
        PayloadPattern pattern = null;
        error.set("");
        if (!typed.isBlank()) {
            try {
                pattern = PayloadPattern.compile(mode.get() == null ? SearchMode.PLAIN : mode.get(), typed,
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badPattern) {
                // Said at the field; every row stays shown (by direction) until the pattern reads.
                error.set(badPattern.getMessage());
            }
        }
        Way chosen = way.get() == null ? Way.ALL : way.get();
        PayloadPattern found = pattern == null || pattern.isEmpty() ? null : pattern;
        active.set(found != null || chosen != Way.ALL);
        cancel();
        if (found == null) {
            shown.setPredicate(chosen == Way.ALL ? null : row -> goes(row, chosen));
            return;
        }
        List<FrameRow> snapshot = List.copyOf(rows);
        long bytes = snapshot.stream().mapToLong(row -> row.payload().length).sum();
        if (bytes <= SEARCH_IN_BACKGROUND_BYTES) {
            shown.setPredicate(row -> goes(row, chosen) && matches(row, found));
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        running = cancelled;
        searching.set(true);
        executor.run("ws-filter", () -> matching(snapshot, found, cancelled), matched -> {
            if (running != cancelled) {
                return;
            }
            running = null;
            searching.set(false);
            long last = snapshot.isEmpty() ? Long.MIN_VALUE : snapshot.getLast().number();
            // Rows that came while the search ran are matched as they are shown.
            shown.setPredicate(row -> goes(row, chosen) && (matched.contains(row)
                    || row.number() > last && matches(row, found)));
        }, failure -> {
            if (running == cancelled) {
                running = null;
                searching.set(false);
                LOG.warn("Filtering the WebSocket timeline for {} failed", found, UiExecutor.unwrap(failure));
            }
        });
    }

    /** The rows of {@code snapshot} that match (identity: two rows may hold equal bytes). */
    private static Set<FrameRow> matching(List<FrameRow> snapshot, PayloadPattern pattern, AtomicBoolean cancelled) {
        Set<FrameRow> matched = Collections.newSetFromMap(new IdentityHashMap<>());
        for (FrameRow row : snapshot) {
            if (cancelled.get()) {
                throw new CancellationException("a newer filter replaced this one");
            }
            if (matches(row, pattern)) {
                matched.add(row);
            }
        }
        return matched;
    }

    private void cancel() {
        if (running != null) {
            running.set(true);
            running = null;
            searching.set(false);
        }
    }

    private static boolean goes(FrameRow row, Way way) {
        return switch (way) {
            case ALL -> true;
            case SENT -> row.direction() == Direction.OUT;
            case RECEIVED -> row.direction() == Direction.IN;
        };
    }

    /** The whole payload kept, then, unless the pattern is hex, the words the row shows. */
    static boolean matches(FrameRow row, PayloadPattern pattern) {
        if (row.payload().length > 0 && pattern.matches(row.payload())) {
            return true;
        }
        if (pattern.mode() == SearchMode.HEX) {
            return false;
        }
        return pattern.matchesText(row.text()) || pattern.matchesText(row.opcodeText())
                || pattern.matchesText(row.verdictText());
    }
}
