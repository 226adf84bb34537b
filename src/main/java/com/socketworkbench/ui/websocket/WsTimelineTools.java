package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.ui.capture.CaptureFileChooser;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.SearchMode;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The tool row over the WebSocket timeline: the filter ({@code #wsFilter}, its mode {@code #wsFilterMode} and
 * direction {@code #wsFilterDirection}, "N of M frames" {@code #wsFilterCount} while it narrows, and what is wrong
 * with the pattern {@code #wsFilterError}) and the Export menu ({@code #wsExport}: {@code #wsExportCsvAll},
 * {@code #wsExportCsvShown}, {@code #wsExportJsonAll}, {@code #wsExportJsonShown}). The save dialog is the capture
 * export's {@link CaptureFileChooser}, replaced by tests.
 */
final class WsTimelineTools {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");
    private static final String ERROR_STYLE = "search-error";

    private final WebSocketModel model;
    private final Consumer<String> info;
    private final Consumer<String> error;
    private final MenuButton export = new MenuButton(TEXT.get("export"));
    private final Node view;
    private CaptureFileChooser chooser = CaptureFileChooser.system();

    WsTimelineTools(WebSocketModel model, Consumer<String> info, Consumer<String> error,
                    Subscriptions subscriptions) {
        this.model = model;
        this.info = info;
        this.error = error;
        WsFrameFilter filter = model.filter();

        TextField field = new TextField();
        field.setId("wsFilter");
        field.getStyleClass().add("timeline-filter");
        field.setPrefColumnCount(16);
        Tips.install(field, TEXT.get("filter.tooltip"));
        subscriptions.bindBidirectional(field.textProperty(), filter.text());

        ComboBox<SearchMode> mode = new ComboBox<>(FXCollections.observableArrayList(SearchMode.values()));
        mode.setId("wsFilterMode");
        mode.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(mode, TEXT.get("filter.mode.tooltip"));
        subscriptions.bindBidirectional(mode.valueProperty(), filter.mode());
        subscriptions.subscribe(filter.mode(), chosen -> field.setPromptText(TEXT.get(switch (chosen == null
                ? SearchMode.PLAIN : chosen) {
            case PLAIN -> "filter.prompt.plain";
            case REGEX -> "filter.prompt.regex";
            case HEX -> "filter.prompt.hex";
        })));

        ComboBox<WsFrameFilter.Way> way = new ComboBox<>(FXCollections.observableArrayList(
                WsFrameFilter.Way.values()));
        way.setId("wsFilterDirection");
        way.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(way, TEXT.get("filter.way.tooltip"));
        subscriptions.bindBidirectional(way.valueProperty(), filter.way());

        Label count = new Label();
        count.setId("wsFilterCount");
        count.getStyleClass().add("muted-label");
        count.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bind(count.textProperty(), filter.count());
        TabLayout.showWhen(count, filter.active(), subscriptions);

        Label problem = TabLayout.errorLabel("wsFilterError", filter.error(), subscriptions);
        subscriptions.subscribe(filter.error(), text -> {
            field.getStyleClass().remove(ERROR_STYLE);
            if (text != null && !text.isEmpty()) {
                field.getStyleClass().add(ERROR_STYLE);
            }
        });

        buildExportMenu();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(field, Priority.SOMETIMES);
        HBox row = new HBox(6, field, mode, way, count, spacer, export);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(2, row, problem);
        box.getStyleClass().add("ws-timeline-tools");
        view = box;
    }

    private void buildExportMenu() {
        export.setId("wsExport");
        export.getStyleClass().add("small-button");
        export.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(export, TEXT.get("export.tooltip"));
        // The ids are written out whole: README lists them, and its test looks for them in the code.
        export.getItems().addAll(item("wsExportCsvAll", WsFrameExport.Format.CSV, false),
                item("wsExportCsvShown", WsFrameExport.Format.CSV, true), new SeparatorMenuItem(),
                item("wsExportJsonAll", WsFrameExport.Format.JSON, false),
                item("wsExportJsonShown", WsFrameExport.Format.JSON, true));
    }

    private MenuItem item(String id, WsFrameExport.Format format, boolean shownOnly) {
        MenuItem item = new MenuItem(TEXT.get("export.item", TEXT.get("export." + format.extension()),
                TEXT.get(shownOnly ? "export.scope.shown" : "export.scope.all")));
        item.setId(id);
        item.setOnAction(event -> export(format, shownOnly));
        return item;
    }

    /** Asks where, then writes off the FX thread; the outcome shows in the tab's notification bar. */
    void export(WsFrameExport.Format format, boolean shownOnly) {
        Window owner = export.getScene() == null ? null : export.getScene().getWindow();
        String type = TEXT.get("export." + format.extension() + ".type");
        String name = "websocket-frames-" + STAMP.format(LocalDateTime.now()) + "." + format.extension();
        chooser.saveFile(owner, TEXT.get("export.title", type), model.exportFolder(), name, type,
                        format.extension())
                .ifPresent(target -> {
                    if (target.toAbsolutePath().getParent() != null) {
                        model.rememberExportFolder(target.toAbsolutePath().getParent());
                    }
                    model.export(format, shownOnly, target, info, error);
                });
    }

    /** Replaces the system's save dialog (tests). */
    void setFileChooser(CaptureFileChooser chooser) {
        this.chooser = chooser;
    }

    MenuButton exportMenu() {
        return export;
    }

    Node view() {
        return view;
    }
}
