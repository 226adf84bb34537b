package com.socketworkbench.ui.traffic;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

import java.util.List;
import java.util.function.Function;

/**
 * Lets a tab word the timeline's direction and peer columns its own way, drawn like the timeline's own columns: the
 * Relay tab shows "client → server" instead of an arrow, and the connection pair instead of the peer. Call it before
 * the timeline is shown.
 */
public final class TimelineColumns {
    private static final List<String> DIRECTION_STYLES = List.of(
            Direction.RECEIVED.styleClass(), Direction.SENT.styleClass(), Direction.EVENT.styleClass());

    private TimelineColumns() {
    }

    /** The direction column titled {@code title}, {@code width} wide, showing {@code text} coloured by direction. */
    public static void wordDirection(TimelineView view, String title, double width,
                                     Function<TimelineRow, String> text) {
        TableColumn<TimelineRow, ?> column = find(view, "direction-text");
        column.setText(title);
        column.setMaxWidth(Double.MAX_VALUE);
        column.setMinWidth(width / 2);
        column.setPrefWidth(width);
        column.setUserData(new Words("direction-words", text, true));
    }

    /** The peer column titled {@code title}, showing {@code text}. */
    public static void wordPeer(TimelineView view, String title, Function<TimelineRow, String> text) {
        TableColumn<TimelineRow, ?> column = find(view, "col-peer");
        column.setText(title);
        column.setUserData(new Words("col-peer", text, false));
    }

    private static TableColumn<TimelineRow, ?> find(TimelineView view, String styleClass) {
        return view.table().getColumns().stream()
                .filter(column -> column.getUserData() instanceof TimelineTableRow.Field field
                        && field.styleClass().equals(styleClass)
                        || column.getStyleClass().contains(styleClass))
                .findFirst().orElseThrow(() -> new IllegalStateException("no timeline column " + styleClass));
    }

    private record Words(String styleClass, Function<TimelineRow, String> text, boolean coloured)
            implements TimelineTableRow.Field {
        @Override
        public void show(Text shown, TimelineRow row) {
            shown.setText(text.apply(row));
            if (coloured) {
                TimelineView.setStyleOf(shown.getStyleClass(), DIRECTION_STYLES, row.direction().styleClass());
            }
        }
    }
}
