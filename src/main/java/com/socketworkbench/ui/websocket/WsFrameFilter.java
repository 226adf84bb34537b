package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.websocket.Direction;
import com.socketworkbench.ui.fx.Subscriptions;
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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * The WebSocket timeline's filter: a text, regex or hex pattern and a direction narrow the rows shown. The pattern is
 * the other tabs' timeline search ({@link PayloadPattern}, {@link SearchMode}), so the three modes read the same
 * everywhere: text and regex look in the whole payload kept (UTF-8) and in the row's words (preview, opcode, kind,
 * verdicts), hex in the payload only. The shown rows are a {@link FilteredList} over the model's bounded rows, so
 * new rows are checked once as they arrive and dropped ones leave with them. FX thread only.
 */
final class WsFrameFilter {
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

    private final ObservableList<FrameRow> rows;
    private final FilteredList<FrameRow> shown;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<SearchMode> mode = new SimpleObjectProperty<>(this, "mode", SearchMode.PLAIN);
    private final ObjectProperty<Way> way = new SimpleObjectProperty<>(this, "way", Way.ALL);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final StringBinding count;

    WsFrameFilter(ObservableList<FrameRow> rows, Subscriptions subscriptions) {
        this.rows = rows;
        this.shown = new FilteredList<>(rows);
        count = Bindings.createStringBinding(() -> TEXT.get("filter.count", shown.size(), rows.size()),
                shown, rows);
        subscriptions.add(count::dispose);
        subscriptions.subscribe(text, typed -> apply());
        subscriptions.subscribe(mode, chosen -> apply());
        subscriptions.subscribe(way, chosen -> apply());
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
        Predicate<FrameRow> keep = found == null && chosen == Way.ALL ? null
                : row -> goes(row, chosen) && (found == null || matches(row, found));
        shown.setPredicate(keep);
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
