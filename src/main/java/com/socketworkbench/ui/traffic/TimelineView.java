// Over 400 lines: the table, its tool bar and Follow share the one VirtualFlow whose layout Follow waits for.
package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.LayoutBoundary;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.fx.UiExecutor;

import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.text.Texts;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The virtualised event table of a tab (id {@code timeline}) with its tool bar: a filter field
 * ({@code timelineFilter}, case-insensitive over peer, preview and kind), the row count, the "N older events not
 * shown" note ({@code trimmedNote}), the tools a tab adds ({@link #addTools}: export and record), an auto-scroll
 * toggle ({@code autoScroll}) and a Clear button ({@code clearTimeline}). Several rows can be selected (for an
 * export of the selected rows); the inspector shows the one selected last.
 *
 * <p>Cells compute their text from the row's event when shown, so the pump only creates row records. Auto-scroll
 * follows new rows until the user scrolls up (wheel, scroll bar, or keys); it resumes with the toggle or End.
 */
public final class TimelineView {
    /**
     * One height for every row, so the table never measures rows: a table that does restyles a hidden measuring row
     * at each refresh, and JavaFX repaints the whole window after a restyle that changes nothing on screen. Other
     * tables refreshed while traffic flows (a server's clients, a relay's pairs) use it too.
     */
    public static final double ROW_HEIGHT = 24;
    private static final List<String> DIRECTION_STYLES = List.of(
            Direction.RECEIVED.styleClass(), Direction.SENT.styleClass(), Direction.EVENT.styleClass());

    private static final Texts TEXT = TrafficTexts.TEXT;
    private static final String PREVIEW_STYLE = "preview-text";
    private static final String MULTI_READ = "multi-read";
    private static final List<String> MULTI_READ_STYLES = List.of(MULTI_READ);

    private static final double PREVIEW_MIN_WIDTH = 240;
    private static final double SCROLL_BAR_ALLOWANCE = 18;

    private final TimelineModel model;
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>(this, "charset", StandardCharsets.UTF_8);
    private final ReadOnlyObjectWrapper<TimelineRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ListChangeListener<TimelineRow> onRowsChanged = change -> rowsChanged();
    /** Only while a filter is set: a FilteredList re-indexes every change of its source, however large. */
    private FilteredList<TimelineRow> filtered;
    /** Rows outside it are not shown whatever the search says (see {@link #setRowScope}); null = all rows. */
    private Predicate<TimelineRow> rowScope;
    /** The search's last result (null: no search), kept to combine with a new row scope. */
    private Predicate<TimelineRow> searchPredicate;

    private final FollowingTable table = new FollowingTable();
    private final TableColumn<TimelineRow, TimelineRow> previewColumn = column(TEXT.get("column.preview"), 400,
            new PreviewField());
    private final TimelineSearchBar search;
    private final ProvisionalRowsView provisional;
    private MatchNavigator navigator = MatchNavigator.NONE;
    private final ToggleButton autoScroll = new ToggleButton(TEXT.get("toolbar.follow"));
    private final Label trimmedNote = new Label();
    private final Label rowCount = new Label();
    private final VBox root;
    private HBox toolBar;
    private Region toolsSpacer;
    private String emptyPayload = EventText.EMPTY_PAYLOAD;

    public TimelineView(TimelineModel model, Subscriptions subscriptions) {
        this.model = model;
        search = new TimelineSearchBar(model::rows, charset, () -> emptyPayload, this::applyFilter, subscriptions);
        search.onNavigate(this::nextMatch, this::previousMatch);
        buildTable();
        provisional = new ProvisionalRowsView(model.provisionalRows(), charset, subscriptions);
        // Five table updates a second in a flood: each lays out the table, never the tab and window around it.
        LayoutBoundary tableBoundary = new LayoutBoundary(table);
        root = new VBox(buildToolBar(), tableBoundary, provisional.view());
        root.getStyleClass().add("timeline-view");
        root.getStylesheets().add(TrafficStyles.sheet());
        VBox.setVgrow(tableBoundary, Priority.ALWAYS);

        subscriptions.listen(charset, (obs, old, cs) -> table.refresh());
        subscriptions.subscribe(model.trimmedProperty(), trimmed -> {
            long count = trimmed.longValue();
            trimmedNote.setText(count == 0 ? "" : TEXT.get("toolbar.trimmed", count(count)));
            trimmedNote.setVisible(count > 0);
            trimmedNote.setManaged(count > 0);
        });
        subscriptions.add(() -> table.getItems().removeListener(onRowsChanged));
        show(model.rows());
        // The inspected row is the one selected last, in the table or among the provisional rows below it.
        subscriptions.subscribe(table.getSelectionModel().selectedItemProperty(), row -> {
            if (row != null) {
                provisional.clearSelection();
                selected.set(row);
            } else if (provisional.selected() == null) {
                selected.set(null);
            }
        });
        subscriptions.subscribe(provisional.selectedProperty(), row -> {
            if (row != null) {
                table.getSelectionModel().clearSelection();
                selected.set(row);
            } else {
                selected.set(table.getSelectionModel().getSelectedItem());
            }
        });
        subscriptions.subscribe(autoScroll.selectedProperty(), on -> follow());
    }

    /** Shows {@code items} (the rows, or a filtered view of them) and follows their changes. */
    private void show(ObservableList<TimelineRow> items) {
        if (table.getItems() != items) {
            table.getItems().removeListener(onRowsChanged);
            items.addListener(onRowsChanged);
            table.setItems(items);
        }
        rowsChanged();
    }

    private void rowsChanged() {
        updateRowCount();
        follow();
    }

    private void follow() {
        if (autoScroll.isSelected()) {
            table.followAfterLayout();
        }
    }

    private Node buildToolBar() {

        rowCount.setId("timelineRowCount");
        rowCount.getStyleClass().add("muted-label");
        trimmedNote.setId("trimmedNote");
        trimmedNote.getStyleClass().add("trimmed-note");
        Tips.install(trimmedNote, TEXT.get("toolbar.trimmed.tip",
                count(model.cap()), Formats.bytes(model.byteBudget())));

        autoScroll.setId("autoScroll");
        autoScroll.setSelected(true);
        Tips.install(autoScroll, TEXT.get("toolbar.follow.tip"));
        autoScroll.getStyleClass().add("small-toggle");

        Button clear = new Button(TEXT.get("toolbar.clear"));
        clear.setId("clearTimeline");
        Tips.install(clear, TEXT.get("toolbar.clear.tip"));
        clear.setOnAction(event -> model.clear());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox searchControls = search.view();
        HBox.setHgrow(searchControls, Priority.SOMETIMES);
        HBox bar = new HBox(8, searchControls, search.status(), rowCount, trimmedNote, spacer, autoScroll, clear);
        bar.getStyleClass().add("timeline-toolbar");
        toolBar = bar;
        toolsSpacer = spacer;
        return bar;
    }

    private void buildTable() {
        table.setId("timeline");
        table.getStyleClass().add("timeline");
        table.setFixedCellSize(ROW_HEIGHT);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(TEXT.get("table.empty")));
        table.setRowFactory(view -> new TimelineTableRow(
                row -> EventText.preview(row.event(), charset.get(), emptyPayload)));

        TableColumn<TimelineRow, TimelineRow> time = column(TEXT.get("column.time"), 112, new PlainField("col-time",
                row -> Formats.time(row.event().time())));
        TableColumn<TimelineRow, TimelineRow> delta = column("Δ", 100, new PlainField("col-delta",
                row -> Formats.delta(row.deltaNanos())));
        TableColumn<TimelineRow, TimelineRow> direction = column("", 30, new DirectionField());
        direction.setMinWidth(30);
        direction.setMaxWidth(30);
        direction.setReorderable(false);
        TableColumn<TimelineRow, TimelineRow> peer = column(TEXT.get("column.peer"), 170, new PlainField("col-peer",
                row -> EventText.peer(row.event())));
        TableColumn<TimelineRow, TimelineRow> size = column(TEXT.get("column.size"), 130, new SizeField());
        table.getColumns().setAll(List.of(time, delta, direction, peer, size, previewColumn));
        bindPreviewWidth();

        table.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0) {
                autoScroll.setSelected(false);
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (isOnVerticalScrollBar(event)) {
                autoScroll.setSelected(false);
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            switch (event.getCode()) {
                case UP, PAGE_UP, HOME -> autoScroll.setSelected(false);
                case END -> autoScroll.setSelected(true);
                default -> {
                }
            }
        });
    }

    private static boolean isOnVerticalScrollBar(MouseEvent event) {
        Object target = event.getTarget();
        Node node = target instanceof Node n ? n : null;
        while (node != null) {
            if (node instanceof ScrollBar bar) {
                return bar.getOrientation() == javafx.geometry.Orientation.VERTICAL;
            }
            node = node.getParent();
        }
        return false;
    }

    /**
     * The preview takes whatever the other columns leave (they keep the widths the user gives them); room is kept for
     * the vertical scroll bar so no horizontal one appears.
     */
    private void bindPreviewWidth() {
        List<TableColumn<TimelineRow, ?>> others = table.getColumns().stream()
                .filter(column -> column != previewColumn).toList();
        DoubleBinding othersWidth = Bindings.createDoubleBinding(
                () -> others.stream().mapToDouble(TableColumn::getWidth).sum(),
                others.stream().map(TableColumn::widthProperty).toArray(Observable[]::new));
        previewColumn.prefWidthProperty().bind(Bindings.max(PREVIEW_MIN_WIDTH,
                table.widthProperty().subtract(othersWidth).subtract(SCROLL_BAR_ALLOWANCE)));
    }

    /**
     * Adds a column of plain text at {@code index} (the All-traffic tab's source): drawn by the rows like the others
     * ({@link TimelineTableRow} shows only columns with a field), its cell data the same text (tests, accessibility);
     * the preview gives up its width.
     */
    public TableColumn<TimelineRow, String> addTextColumn(int index, String styleClass, String title, double width,
                                                          Function<TimelineRow, String> text) {
        TableColumn<TimelineRow, String> column = new TableColumn<>(title);
        column.setId(styleClass);
        column.setUserData(new PlainField(styleClass, text));
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(text.apply(data.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.getStyleClass().add(styleClass);
        table.getColumns().add(Math.min(index, table.getColumns().size()), column);
        bindPreviewWidth();
        return column;
    }

    /** A column whose rows show {@code field} ({@link TimelineTableRow} draws it; the column is the header). */
    private static TableColumn<TimelineRow, TimelineRow> column(String title, double width,
                                                                TimelineTableRow.Field field) {
        TableColumn<TimelineRow, TimelineRow> column = new TableColumn<>(title);
        column.setUserData(field);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.getStyleClass().add(field.styleClass());
        return column;
    }

    /**
     * Limits the rows shown to those {@code scope} accepts, on top of the search (the TCP server's "this client
     * only"); null shows every row again.
     */
    public void setRowScope(Predicate<TimelineRow> scope) {
        rowScope = scope;
        applyFilter(searchPredicate);
    }

    /** Shows the rows {@code predicate} (the search's result) and the row scope accept; null predicate: no search. */
    private void applyFilter(Predicate<TimelineRow> predicate) {
        searchPredicate = predicate;
        Predicate<TimelineRow> scope = rowScope;
        if (predicate == null && scope == null) {
            filtered = null;
            show(model.rows());
            return;
        }
        if (filtered == null) {
            filtered = new FilteredList<>(model.rows());
        }
        filtered.setPredicate(scope == null ? predicate
                : predicate == null ? scope : row -> scope.test(row) && predicate.test(row));
        show(filtered);
    }

    /** The plain-text search rule, shared with tests: the text occurs in the payload, peer or kind (any case). */
    public static boolean matches(TimelineRow row, String needle, Charset charset) {
        return TimelineSearch.matches(row, PayloadPattern.compile(SearchMode.PLAIN, needle, charset),
                EventText.EMPTY_PAYLOAD);
    }

    /**
     * The next match: the next one in the inspected row, else the first in the next row shown (with a search set,
     * only matching rows are shown).
     */
    void nextMatch() {
        if (search.patternProperty().get() == null || navigator.next()) {
            return;
        }
        int at = table.getSelectionModel().getSelectedIndex();
        if (at + 1 < table.getItems().size()) {
            selectOnly(at + 1);
            navigator.first();
        }
    }

    /** The previous match: in the inspected row, else the last in the row before. */
    void previousMatch() {
        if (search.patternProperty().get() == null || navigator.previous()) {
            return;
        }
        int at = table.getSelectionModel().getSelectedIndex();
        if (at < 0) {
            at = table.getItems().size();
        }
        if (at - 1 >= 0) {
            selectOnly(at - 1);
            navigator.last();
        }
    }

    private void selectOnly(int index) {
        autoScroll.setSelected(false);
        table.getSelectionModel().clearAndSelect(index);
        table.scrollTo(Math.max(0, index - 3));
    }

    /** Lets Next and Previous walk the matches inside the inspected row (the payload inspector). */
    public void setMatchNavigator(MatchNavigator navigator) {
        this.navigator = navigator == null ? MatchNavigator.NONE : navigator;
    }

    /** The search shown now (null for none): the inspector highlights its matches. */
    public ReadOnlyObjectProperty<PayloadPattern> searchPatternProperty() {
        return search.patternProperty();
    }

    /** Where searches of many bytes run; the app's executor unless a test hands in its own. */
    public void setSearchExecutor(UiExecutor executor) {
        search.setExecutor(executor);
    }

    TimelineSearchBar searchBar() {
        return search;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private void updateRowCount() {
        int shown = table.getItems().size();
        int total = model.rows().size();
        rowCount.setText(shown == total
                ? TEXT.get(total == 1 ? "toolbar.rows.one" : "toolbar.rows.other", count(total))
                : TEXT.get("toolbar.rows.filtered", count(shown), count(total)));
    }

    /**
     * Puts a tab's own tools into the tool bar, after the spacer and before Follow and Clear; they keep their full
     * width (the filter field gives way first).
     */
    public void addTools(Node... tools) {
        int at = toolBar.getChildren().indexOf(toolsSpacer) + 1;
        for (Node tool : tools) {
            if (tool instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        toolBar.getChildren().addAll(at, List.of(tools));
    }

    /** Puts {@code node} between the tool bar and the table (a row of settings the tools open). */
    public void addBelowToolBar(Node node) {
        root.getChildren().add(1, node);
    }

    /** The selected rows (in selection order; an export sorts them by sequence). */
    public ObservableList<TimelineRow> selectedRows() {
        return table.getSelectionModel().getSelectedItems();
    }

    /** The model whose rows this view shows. */
    public TimelineModel model() {
        return model;
    }

    /** The layout node (tool bar + table). */
    public Node view() {
        return root;
    }

    public TableView<TimelineRow> table() {
        return table;
    }

    /** The charset previews are decoded with; bind it to the inspector's charset. */
    public ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    public ReadOnlyObjectProperty<TimelineRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ToggleButton autoScrollToggle() {
        return autoScroll;
    }

    /** The search field (id {@code timelineFilter}). */
    public TextField filterField() {
        return search.field();
    }

    /** What a data row without bytes previews as ({@link EventText#EMPTY_DATAGRAM} in the UDP tab); set it first. */
    public void setEmptyPayloadText(String text) {
        emptyPayload = text;
    }

    /** Text shown in the empty table, e.g. "Start the server to see connections and data here". */
    public void setPlaceholderText(String text) {
        Label placeholder = new Label(text);
        placeholder.getStyleClass().add("placeholder-label");
        table.setPlaceholder(placeholder);
    }

    /**
     * Leaves exactly {@code wanted} (or none) of a family of style classes, touching the list only when that changes:
     * every style-class change makes JavaFX match the node's styles again, and in follow mode every visible row gets
     * a new item each update, nearly always of the same kind.
     */
    static void setStyleOf(List<String> styleClasses, List<String> family, String wanted) {
        boolean hasWanted = wanted == null;
        boolean hasOthers = false;
        for (String style : styleClasses) {
            if (style.equals(wanted)) {
                hasWanted = true;
            } else if (family.contains(style)) {
                hasOthers = true;
            }
        }
        if (hasOthers) {
            styleClasses.removeIf(style -> family.contains(style) && !style.equals(wanted));
        }
        if (!hasWanted) {
            styleClasses.add(wanted);
        }
    }

    /**
     * A table that follows its newest row when its rows are laid out, not when they change: a list listener runs
     * before the table's skin has seen the change (its own listener comes later), so a scroll from there aimed at the
     * old row count and left the newest rows below the edge (a user saw "14 rows" with row 12 at the bottom). Its
     * {@link FollowingFlow} moves to the end right before it lays out the cells, when the skin has taken the new
     * count, so the frame drawn next shows the newest row in full.
     */
    private static final class FollowingTable extends TableView<TimelineRow> {
        private FollowingFlow flow;
        private boolean followPending;

        void followAfterLayout() {
            if (flow != null) {
                flow.followAtNextLayout();
            } else {
                followPending = true;
            }
        }

        @Override
        protected Skin<?> createDefaultSkin() {
            return new TableViewSkin<>(this) {
                @Override
                protected VirtualFlow<TableRow<TimelineRow>> createVirtualFlow() {
                    flow = new FollowingFlow();
                    if (followPending) {
                        followPending = false;
                        flow.followAtNextLayout();
                    }
                    return flow;
                }
            };
        }
    }

    private static final class FollowingFlow extends VirtualFlow<TableRow<TimelineRow>> {
        private boolean followPending;

        void followAtNextLayout() {
            followPending = true;
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            if (followPending) {
                followPending = false;
                // The end of the list: the last cell's bottom on the viewport's bottom, whatever the count now is.
                if (getPosition() < 1) {
                    setPosition(1);
                }
            }
            super.layoutChildren();
        }
    }

    /** Plain text from the row, in the column's style. */
    private record PlainField(String styleClass, Function<TimelineRow, String> text)
            implements TimelineTableRow.Field {
        @Override
        public void show(Text shown, TimelineRow row) {
            shown.setText(text.apply(row));
        }
    }

    /**
     * The preview, decoded in the view's charset. It is nearly always wider than its column and is clipped there,
     * never measured for an ellipsis (a label measured the text again and again to place one; one 320 ms frame of
     * a flood was all ellipsis measuring). The preview text itself ends in "…" when the payload was cut.
     */
    private final class PreviewField implements TimelineTableRow.Field {
        @Override
        public void show(Text shown, TimelineRow row) {
            shown.setText(EventText.preview(row.event(), charset.get(), emptyPayload));
        }

        @Override
        public String styleClass() {
            return "col-preview";
        }

        @Override
        public List<String> textStyleClasses() {
            return List.of(PREVIEW_STYLE);
        }
    }

    /** The size, marked when framing joined several reads into the row ("12 B · 3 reads"). */
    private static final class SizeField implements TimelineTableRow.Field {
        @Override
        public void show(Text shown, TimelineRow row) {
            shown.setText(EventText.size(row.event()));
            boolean multiRead = row.event() instanceof DataEvent data && data.reads() > 1;
            setStyleOf(shown.getStyleClass(), MULTI_READ_STYLES, multiRead ? MULTI_READ : null);
        }

        @Override
        public HPos alignment() {
            return HPos.RIGHT;
        }

        @Override
        public String styleClass() {
            return "col-size";
        }
    }

    /** The direction's arrow, coloured by direction. */
    private static final class DirectionField implements TimelineTableRow.Field {
        @Override
        public void show(Text shown, TimelineRow row) {
            Direction direction = row.direction();
            shown.setText(direction.arrow());
            setStyleOf(shown.getStyleClass(), DIRECTION_STYLES, direction.styleClass());
        }

        @Override
        public HPos alignment() {
            return HPos.CENTER;
        }

        @Override
        public String styleClass() {
            return "direction-text";
        }
    }
}
