package com.socketworkbench.ui.rules;

import com.socketworkbench.engine.rules.RuleBook;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.SidePanels;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.tab.TabLayout;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.charset.Charset;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A socket tab's auto-reply rules panel ({@code rules}), a side panel beside the traffic area like the messages
 * panel, opened with {@link #toggle()} ({@code rulesToggle}, in the bar of the receive side: framing or, for UDP, the counters). In it: the rules table
 * ({@code ruleTable}; columns on, name, match, reply with its delay, and hits, {@code ruleHits}), Add ({@code addRule}),
 * Presets ({@code rulePresets}: {@code presetEcho}, {@code presetOkLines}, {@code presetPing}), Edit
 * ({@code editRule}), Remove ({@code removeRule}), Move up/down ({@code moveRuleUp}, {@code moveRuleDown}), the loop
 * guard's limit ({@code loopLimit}), the paused rules with their reason ({@code rulesPaused}), refusals
 * ({@code rulesStatus}), Hide ({@code closeRules}) and the editor ({@code ruleForm}, see {@link RuleFormView}).
 */
public final class RulesPanel {
    public static final double WIDTH = 380;

    private final RulesModel model;
    private final Supplier<Charset> charset;
    private final ToggleButton toggle = new ToggleButton(RulesText.TEXT.get("panel.toggle"));
    private final Subscriptions subscriptions;
    private final ScrollPane root = new ScrollPane();
    /** Built with the panel's content, the first time the panel opens. */
    private TableView<RuleRow> table;

    /** @param charset the charset a preset starts with (the tab's send editor's) */
    public RulesPanel(RulesModel model, Supplier<Charset> charset, Subscriptions subscriptions) {
        this.model = model;
        this.charset = charset;
        this.subscriptions = subscriptions;
        toggle.setId("rulesToggle");
        toggle.getStyleClass().add("small-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setMaxWidth(Double.MAX_VALUE);
        Tips.install(toggle, RulesText.TEXT.get("panel.toggle.tooltip"));
        // A pause shows in the toggle too, so a closed panel still says that a rule stopped answering.
        subscriptions.subscribe(model.pausedProperty(), paused -> {
            toggle.setText(RulesText.TEXT.get(paused.isEmpty() ? "panel.toggle" : "panel.toggle.paused"));
        });

        root.setId("rules");
        root.getStyleClass().add("messages-panel");
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setPrefWidth(WIDTH);
        root.setMinViewportWidth(WIDTH - 20);
        // The content waits for the first opening: a tab whose rules panel is never opened makes none of its
        // controls (the tab's view is built on the FX thread when the tab is first shown).
        subscriptions.subscribe(toggle.selectedProperty(), open -> {
            if (open && root.getContent() == null) {
                root.setContent(content());
            }
        });
    }

    private Node content() {
        table = new TableView<>();
        VBox content = new VBox(6, header(subscriptions), new RuleFormView(model, subscriptions).view(),
                table(subscriptions), buttons(subscriptions), loopGuard(subscriptions), paused(subscriptions),
                status(subscriptions));
        content.getStyleClass().add("messages-panel-content");
        return content;
    }

    private Node header(Subscriptions subscriptions) {
        Label title = new Label(RulesText.TEXT.get("panel.title"));
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.getStyleClass().add("muted-label");
        subscriptions.bind(count.textProperty(), Bindings.size(model.rows()).asString());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = smallButton("closeRules", "✕", RulesText.TEXT.get("panel.close.tooltip"));
        close.setOnAction(event -> toggle.setSelected(false));
        HBox header = new HBox(6, title, count, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("section-header");
        return header;
    }

    private Node table(Subscriptions subscriptions) {
        table.setId("ruleTable");
        table.setItems(model.rows());
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label(RulesText.TEXT.get("panel.empty"));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted-label");
        table.setPlaceholder(placeholder);
        table.setMinHeight(120);
        // The columns share the panel's width (the constrained policy), whatever their preferred widths add up to.
        table.setPrefWidth(RulesPanel.WIDTH / 2);
        VBox.setVgrow(table, Priority.ALWAYS);

        TableColumn<RuleRow, Boolean> on = new TableColumn<>(RulesText.TEXT.get("column.on"));
        on.setId("ruleEnabled");
        on.setCellValueFactory(data -> data.getValue().enabledProperty());
        on.setCellFactory(CheckBoxTableCell.forTableColumn(on));
        on.setEditable(true);
        on.setPrefWidth(34);
        on.setMinWidth(34);
        on.setMaxWidth(40);
        TableColumn<RuleRow, String> name = textColumn("ruleNameColumn", "column.name", 80,
                row -> row.titleProperty());
        name.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                RuleRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                getStyleClass().remove("field-error");
                setTooltip(empty || item == null ? null : new Tooltip(item));
                if (row != null && !row.pausedProperty().get().isEmpty()) {
                    getStyleClass().add("field-error");
                    Tips.install(this, row.pausedProperty().get());
                }
            }
        });
        TableColumn<RuleRow, String> match = textColumn("ruleMatch", "column.match", 90,
                row -> new ReadOnlyStringWrapper(row.matchText()));
        TableColumn<RuleRow, String> reply = textColumn("ruleReplyColumn", "column.reply", 90,
                row -> new ReadOnlyStringWrapper(row.replyText()));
        TableColumn<RuleRow, String> hits = textColumn("ruleHits", "column.hits", 50,
                row -> row.hitsProperty().asString("%,d"));
        table.getColumns().setAll(java.util.List.of(on, name, match, reply, hits));

        subscriptions.subscribe(table.getSelectionModel().selectedItemProperty(),
                item -> model.selectedProperty().set(item));
        subscriptions.subscribe(model.selectedProperty(), row -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
        table.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && model.selectedProperty().get() != null) {
                model.beginEdit();
            }
        });
        return table;
    }

    private static TableColumn<RuleRow, String> textColumn(String id, String key, double width,
                                                           Function<RuleRow, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<RuleRow, String> column = new TableColumn<>(RulesText.TEXT.get(key));
        column.setId(id);
        column.setCellValueFactory(data -> value.apply(data.getValue()));
        // A narrow column cuts the user's text short; the tooltip shows it whole.
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        column.setPrefWidth(width);
        column.setEditable(false);
        column.setSortable(false);
        return column;
    }

    private Node buttons(Subscriptions subscriptions) {
        Button add = smallButton("addRule", RulesText.TEXT.get("panel.add"), RulesText.TEXT.get("panel.add.tooltip"));
        add.getStyleClass().add("accent");
        add.setOnAction(event -> model.beginAdd());
        MenuButton presets = new MenuButton(RulesText.TEXT.get("panel.presets"));
        presets.setId("rulePresets");
        presets.getStyleClass().add("small-button");
        presets.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(presets, RulesText.TEXT.get("panel.presets.tooltip"));
        for (RulePresets preset : RulePresets.values()) {
            MenuItem item = new MenuItem(preset.label());
            item.setId(preset.id());
            item.setOnAction(event -> model.add(preset.rule(charset.get())));
            presets.getItems().add(item);
        }
        Button edit = smallButton("editRule", RulesText.TEXT.get("panel.edit"), RulesText.TEXT.get("panel.edit.tooltip"));
        edit.setOnAction(event -> model.beginEdit());
        Button remove = smallButton("removeRule", RulesText.TEXT.get("panel.remove"),
                RulesText.TEXT.get("panel.remove.tooltip"));
        remove.setOnAction(event -> model.removeSelected());
        Button up = smallButton("moveRuleUp", "▲", RulesText.TEXT.get("panel.up.tooltip"));
        up.setOnAction(event -> model.moveSelected(-1));
        Button down = smallButton("moveRuleDown", "▼", RulesText.TEXT.get("panel.down.tooltip"));
        down.setOnAction(event -> model.moveSelected(1));
        BooleanBinding none = model.selectedProperty().isNull();
        for (Button button : new Button[]{edit, remove, up, down}) {
            subscriptions.bind(button.disableProperty(), none);
        }
        FlowPane row = new FlowPane(6, 4, add, presets, edit, remove, up, down);
        row.setPrefWrapLength(WIDTH / 2);
        row.getStyleClass().add("message-buttons");
        return row;
    }

    private Node loopGuard(Subscriptions subscriptions) {
        TextField limit = new TextField();
        limit.setId("loopLimit");
        limit.setPrefColumnCount(6);
        limit.setPromptText(Integer.toString(RuleBook.DEFAULT_LOOP_LIMIT));
        Tips.install(limit, RulesText.TEXT.get("loop.limit.tooltip"));
        subscriptions.bindBidirectional(limit.textProperty(), model.loopLimitProperty());
        Label before = new Label(RulesText.TEXT.get("loop.limit.before"));
        before.getStyleClass().add("field-caption");
        Label after = new Label(RulesText.TEXT.get("loop.limit.after"));
        after.getStyleClass().add("field-caption");
        FlowPane row = new FlowPane(6, 4, before, limit, after);
        row.setPrefWrapLength(WIDTH / 2);
        row.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("loopLimitMessage");
        message.setWrapText(true);
        FieldMessage.show(limit, message, model.loopLimitVerdict(), subscriptions);
        return new VBox(2, row, message);
    }

    private Node paused(Subscriptions subscriptions) {
        Label paused = new Label();
        paused.setId("rulesPaused");
        paused.setWrapText(true);
        paused.setMinHeight(Region.USE_PREF_SIZE);
        paused.getStyleClass().add("field-error");
        subscriptions.bind(paused.textProperty(), model.pausedProperty());
        TabLayout.showWhen(paused, Bindings.isNotEmpty(model.pausedProperty()), subscriptions);
        return paused;
    }

    private Node status(Subscriptions subscriptions) {
        Label status = new Label();
        status.setId("rulesStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add("field-error");
        subscriptions.bind(status.textProperty(), model.statusProperty());
        TabLayout.showWhen(status, Bindings.isNotEmpty(model.statusProperty()), subscriptions);
        return status;
    }

    private static Button smallButton(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("small-button");
        button.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(button, tooltip);
        button.setAccessibleText(tooltip);
        return button;
    }

    /** Makes the panel the last item of {@code split} while the toggle is selected (as the messages panel does). */
    public void attachTo(SplitPane split, Subscriptions subscriptions) {
        SidePanels.attach(split, root, toggle, WIDTH, 0.4, subscriptions);
    }

    public ToggleButton toggle() {
        return toggle;
    }

    public RulesModel model() {
        return model;
    }

    /** The rules table, or null until the panel has been opened. */
    public TableView<RuleRow> tableView() {
        return table;
    }

    public Node view() {
        return root;
    }
}
