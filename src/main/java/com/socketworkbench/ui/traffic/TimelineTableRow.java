package com.socketworkbench.ui.traffic;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * A timeline row drawn as one {@link Text} per column, not one {@code TableCell} per column. A cell is a control
 * with a skin and a label inside; six of them per row made every table update in a flood (all visible rows get new
 * items) update, restyle and lay out some 150 controls, and cost most while the JIT compiler had not yet compiled
 * that code: the first table updates of a flood took up to a few hundred milliseconds. A Text per column keeps the
 * same columns (the table's header still sizes, hides and orders them) at a fraction of the nodes.
 *
 * <p>What a column shows comes from its {@link Field}, put in the column's user data. A row selects itself on a
 * primary click (the work a cell's behaviour did) and tells screen readers its columns' texts.
 */
final class TimelineTableRow extends TableRow<TimelineRow> {
    static final String TEXT_STYLE = "row-text";
    private static final List<String> ROW_STYLES = List.of("row-failure", "row-muted", "row-incomplete");
    private static final double PADDING = 6;

    /** What a column shows for a row; the column's user data. */
    interface Field {
        /** Sets the text (and style classes) for {@code row}. */
        void show(Text text, TimelineRow row);

        /** Where the text sits in its column. */
        default HPos alignment() {
            return HPos.LEFT;
        }

        /** The column's style class, which its texts carry too (e.g. "col-time"). */
        String styleClass();

        /** Further style classes of the column's texts (not of its header). */
        default List<String> textStyleClasses() {
            return List.of();
        }
    }

    /** The row's whole preview, made only when the pointer rests on the row (never per update: floods). */
    private final Tooltip preview = new Tooltip();

    /** @param previewText the whole preview of a row, shown as its tooltip (the column clips it) */
    TimelineTableRow(Function<TimelineRow, String> previewText) {
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        preview.setWrapText(true);
        preview.setMaxWidth(640);
        preview.setOnShowing(event -> {
            TimelineRow row = getItem();
            preview.setText(row == null ? "" : previewText.apply(row));
        });
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new RowSkin(this);
    }

    @Override
    protected void updateItem(TimelineRow row, boolean empty) {
        super.updateItem(row, empty);
        setTooltip(empty || row == null ? null : preview);
        TimelineView.setStyleOf(getStyleClass(), ROW_STYLES,
                empty || row == null ? null : EventText.rowStyleClass(row.event()));
        if (getSkin() instanceof RowSkin skin) {
            skin.show();
        }
    }

    private void pressed(MouseEvent event) {
        TableView<TimelineRow> table = getTableView();
        if (event.getButton() != MouseButton.PRIMARY || isEmpty() || table == null) {
            return;
        }
        if (!table.isFocused()) {
            table.requestFocus();
        }
        int index = getIndex();
        if (event.isShortcutDown() && table.getSelectionModel().isSelected(index)) {
            table.getSelectionModel().clearSelection(index);
        } else {
            table.getSelectionModel().clearAndSelect(index);
        }
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        if (attribute == AccessibleAttribute.TEXT && getSkin() instanceof RowSkin skin) {
            return skin.accessibleText();
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }

    private static final class RowSkin extends SkinBase<TimelineTableRow> {
        private final Map<TableColumn<TimelineRow, ?>, Text> texts = new IdentityHashMap<>();
        private final List<TableColumn<TimelineRow, ?>> shown = new ArrayList<>();
        private final InvalidationListener relayout = observable -> getSkinnable().requestLayout();
        private final WeakInvalidationListener weakRelayout = new WeakInvalidationListener(relayout);
        private final ListChangeListener<TableColumn<TimelineRow, ?>> columnsChanged = change -> columnsChanged();
        private final WeakListChangeListener<TableColumn<TimelineRow, ?>> weakColumnsChanged =
                new WeakListChangeListener<>(columnsChanged);
        private final Subscription tableSubscription;
        private ObservableList<TableColumn<TimelineRow, ?>> columns;

        RowSkin(TimelineTableRow row) {
            super(row);
            tableSubscription = row.tableViewProperty().subscribe(this::attach);
        }

        private void attach(TableView<TimelineRow> table) {
            if (columns != null) {
                columns.removeListener(weakColumnsChanged);
                shown.forEach(column -> column.widthProperty().removeListener(weakRelayout));
            }
            columns = table == null ? null : table.getVisibleLeafColumns();
            if (columns != null) {
                columns.addListener(weakColumnsChanged);
            }
            columnsChanged();
        }

        private void columnsChanged() {
            shown.forEach(column -> column.widthProperty().removeListener(weakRelayout));
            shown.clear();
            if (columns != null) {
                shown.addAll(columns);
            }
            List<Node> children = new ArrayList<>(shown.size());
            for (TableColumn<TimelineRow, ?> column : shown) {
                column.widthProperty().addListener(weakRelayout);
                children.add(texts.computeIfAbsent(column, RowSkin::newText));
            }
            getChildren().setAll(children);
            show();
        }

        private static Text newText(TableColumn<TimelineRow, ?> column) {
            Text text = new Text();
            text.getStyleClass().add(TEXT_STYLE);
            if (column.getUserData() instanceof Field field) {
                text.getStyleClass().add(field.styleClass());
                text.getStyleClass().addAll(field.textStyleClasses());
            }
            text.setTextOrigin(VPos.CENTER);
            text.setManaged(false);
            return text;
        }

        void show() {
            TimelineTableRow row = getSkinnable();
            TimelineRow item = row.isEmpty() ? null : row.getItem();
            for (TableColumn<TimelineRow, ?> column : shown) {
                Text text = texts.get(column);
                if (item != null && column.getUserData() instanceof Field field) {
                    field.show(text, item);
                } else {
                    text.setText("");
                }
            }
            row.requestLayout();
        }

        @Override
        protected void layoutChildren(double x, double y, double width, double height) {
            double left = x;
            double middle = snapPositionY(y + height / 2);
            for (TableColumn<TimelineRow, ?> column : shown) {
                double columnWidth = column.getWidth();
                Text text = texts.get(column);
                double room = Math.max(0, columnWidth - 2 * PADDING);
                double textWidth = text.getLayoutBounds().getWidth();
                HPos alignment = column.getUserData() instanceof Field field ? field.alignment() : HPos.LEFT;
                double offset = switch (alignment) {
                    case RIGHT -> Math.max(0, room - textWidth);
                    case CENTER -> Math.max(0, (room - textWidth) / 2);
                    default -> 0;
                };
                text.setLayoutX(snapPositionX(left + PADDING + offset));
                text.setLayoutY(middle);
                clip(text, textWidth > room ? room : -1, height);
                left += columnWidth;
            }
        }

        /** Clips a text wider than its column to the column (most fit, and then carry no clip at all). */
        private static void clip(Text text, double room, double height) {
            if (room < 0) {
                text.setClip(null);
                return;
            }
            Rectangle clip = text.getClip() instanceof Rectangle existing ? existing : new Rectangle();
            clip.setX(0);
            clip.setY(-height / 2);
            clip.setWidth(room);
            clip.setHeight(height);
            text.setClip(clip);
        }

        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            double width = left + right;
            for (TableColumn<TimelineRow, ?> column : shown) {
                width += column.getWidth();
            }
            return width;
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            TableView<TimelineRow> table = getSkinnable().getTableView();
            double fixed = table == null ? -1 : table.getFixedCellSize();
            return fixed > 0 ? fixed : top + bottom + 24;
        }

        String accessibleText() {
            StringJoiner joined = new StringJoiner(", ");
            for (TableColumn<TimelineRow, ?> column : shown) {
                String text = texts.get(column).getText();
                if (text != null && !text.isEmpty()) {
                    joined.add(text);
                }
            }
            return joined.toString();
        }

        @Override
        public void dispose() {
            tableSubscription.unsubscribe();
            attach(null);
            super.dispose();
        }
    }
}
