package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.tab.LazyPanel;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.traffic.TimelineView;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The capture tools of a socket tab's timeline: the Export menu ({@code export}, items {@code exportPcapngAll},
 * {@code exportCsvSelected}, ... for four formats and two scopes) and the Record toggle ({@code record}) in the tool
 * bar; under it, the record settings ({@code recordOptions}: {@code recordFile} with {@code recordChoose},
 * {@code recordMaxFileSize}, {@code recordKeepFiles}, {@code recordStart}, {@code recordCancel}) while the user sets
 * up a recording, and the recording's progress ({@code recordStatus}) while one runs. Outcomes show in the tab's
 * notification bar.
 */
public final class CaptureControls {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.capture.capture");
    private final TabCapture capture;
    private final TimelineView timeline;
    private final MenuButton export = new MenuButton(TEXT.get("export"));
    private final ToggleButton record = new ToggleButton(TEXT.get("record"));
    private final BooleanProperty optionsOpen = new SimpleBooleanProperty(this, "optionsOpen");
    private final Label status = new Label();
    private final VBox below;
    private CaptureFileChooser chooser = CaptureFileChooser.system();

    public CaptureControls(TabCapture capture, TimelineView timeline, TabNotifier notifier,
                           Subscriptions subscriptions) {
        this.capture = capture;
        this.timeline = timeline;
        buildExportMenu(subscriptions);
        buildRecordToggle(subscriptions);
        status.setId("recordStatus");
        status.getStyleClass().add("record-status");
        status.setMinWidth(0);
        subscriptions.bind(status.textProperty(), capture.recordStatusProperty());
        TabLayout.showWhen(status, capture.recordStatusProperty().isNotEmpty(), subscriptions);
        // Built when Record is first chosen: most sessions never record.
        below = new VBox(4, LazyPanel.showWhen(() -> recordOptions(subscriptions), optionsOpen, subscriptions),
                status);
        below.getStyleClass().add("capture-row");
        TabLayout.showWhen(below, optionsOpen.or(status.visibleProperty()), subscriptions);
        subscriptions.subscribe(capture.messageProperty(), shown -> {
            if (shown != null) {
                if (shown.error()) {
                    notifier.showError(shown.text());
                } else {
                    notifier.showInfo(shown.text());
                }
            }
        });
        timeline.addTools(export, record);
        timeline.addBelowToolBar(below);
    }

    /** Replaces the system's file dialogs (tests). */
    public void setFileChooser(CaptureFileChooser chooser) {
        this.chooser = chooser;
    }

    private void buildExportMenu(Subscriptions subscriptions) {
        export.setId("export");
        export.getStyleClass().add("small-button");
        Tips.install(export, TEXT.get("export.tooltip"));
        subscriptions.bind(export.disableProperty(), capture.exportingProperty());
        for (ExportScope scope : ExportScope.values()) {
            if (scope != ExportScope.values()[0]) {
                export.getItems().add(new SeparatorMenuItem());
            }
            for (ExportFormat format : ExportFormat.values()) {
                MenuItem item = new MenuItem(TEXT.get("export.item", format.label(), scope.words()));
                item.setId(format.itemId(scope));
                item.setOnAction(event -> export(format, scope));
                if (scope == ExportScope.SELECTED) {
                    subscriptions.bind(item.disableProperty(), Bindings.isEmpty(timeline.selectedRows()));
                }
                export.getItems().add(item);
            }
        }
    }

    /** Asks where, then exports off the FX thread; the outcome comes as a notification. */
    void export(ExportFormat format, ExportScope scope) {
        List<TimelineRow> rows = List.copyOf(scope == ExportScope.ALL ? timeline.model().rows()
                : timeline.selectedRows());
        Window owner = export.getScene() == null ? null : export.getScene().getWindow();
        Optional<Path> target = format.writesFolder()
                ? chooser.folder(owner, TEXT.get("export.folder.title"), capture.exportFolder())
                : chooser.saveFile(owner, TEXT.get("export.file.title", scope.words(), format.fileType()),
                capture.exportFolder(), capture.suggestedExportName(format, LocalDateTime.now()), format.fileType(),
                format.extension());
        target.ifPresent(path -> capture.export(format, scope, rows, path, timeline.charsetProperty().get()));
    }

    private void buildRecordToggle(Subscriptions subscriptions) {
        record.setId("record");
        record.getStyleClass().addAll("small-toggle", "record-toggle");
        Tips.install(record, TEXT.get("record.tooltip"));
        // The toggle shows the recording's state; a click only asks for a change.
        record.setOnAction(event -> {
            RecordState now = capture.state();
            record.setSelected(now == RecordState.ON || now == RecordState.STARTING);
            switch (now) {
                case OFF -> {
                    if (!optionsOpen.get()) {
                        capture.offerRecordFile();
                    }
                    optionsOpen.set(!optionsOpen.get());
                }
                case ON -> capture.stopRecording();
                default -> {
                }
            }
        });
        subscriptions.subscribe(capture.stateProperty(), now -> {
            record.setSelected(now == RecordState.ON || now == RecordState.STARTING);
            record.setDisable(now == RecordState.STOPPING || now == RecordState.STARTING);
            if (now != RecordState.OFF) {
                optionsOpen.set(false);
            }
        });
    }

    private Node recordOptions(Subscriptions subscriptions) {
        RecordSettings settings = capture.recordSettings();
        TextField file = new TextField();
        file.setId("recordFile");
        file.setPrefColumnCount(26);
        Tips.install(file, TEXT.get("record.file.tooltip"));
        subscriptions.bindBidirectional(file.textProperty(), settings.file().textProperty());
        Label fileMessage = new Label();
        fileMessage.setId("recordFileMessage");
        FieldMessage.show(file, fileMessage, settings.file().verdictProperty(), subscriptions);

        Button choose = new Button(TEXT.get("record.choose"));
        choose.setId("recordChoose");
        choose.getStyleClass().add("small-button");
        choose.setOnAction(event -> chooseRecordFile(file));

        TextField maxSize = new TextField();
        maxSize.setId("recordMaxFileSize");
        maxSize.setPrefColumnCount(7);
        Tips.install(maxSize, TEXT.get("record.maxSize.tooltip"));
        subscriptions.bindBidirectional(maxSize.textProperty(), settings.maxFileSize().textProperty());
        Label maxSizeMessage = new Label();
        maxSizeMessage.setId("recordMaxFileSizeMessage");
        FieldMessage.show(maxSize, maxSizeMessage, settings.maxFileSize().verdictProperty(), subscriptions);

        Spinner<Integer> keep = Spinners.integer("recordKeepFiles", 0, RecordSettings.MAX_KEEP_FILES, 1,
                settings.keepFilesProperty(), 80, TEXT.get("record.keep.tooltip"), subscriptions);

        Button start = new Button(TEXT.get("record.start"));
        start.setId("recordStart");
        start.getStyleClass().add("small-button");
        start.setDefaultButton(false);
        subscriptions.bind(start.disableProperty(), settings.validProperty().not());
        start.setOnAction(event -> capture.startRecording());
        Button cancel = new Button(TEXT.get("record.cancel"));
        cancel.setId("recordCancel");
        cancel.getStyleClass().add("small-button");
        cancel.setOnAction(event -> optionsOpen.set(false));

        HBox fileRow = new HBox(6, file, choose);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane fields = new FlowPane(12, 4, SendEditor.labelled(TEXT.get("record.to"), fileRow),
                SendEditor.labelled(TEXT.get("record.newFileAfter"), maxSize),
                SendEditor.labelled(TEXT.get("record.keep"), keep),
                start, cancel);
        fields.setAlignment(Pos.CENTER_LEFT);
        VBox options = new VBox(2, fields, fileMessage, maxSizeMessage);
        options.setId("recordOptions");
        return options;
    }

    private void chooseRecordFile(TextField file) {
        RecordSettings settings = capture.recordSettings();
        Path typed = settings.file().isValid() ? Path.of(settings.file().text()).toAbsolutePath() : null;
        Path folder = typed != null && typed.getParent() != null ? typed.getParent() : settings.recordFolder();
        String name = typed != null ? typed.getFileName().toString()
                : capture.suggestedExportName(ExportFormat.PCAPNG, LocalDateTime.now());
        Window owner = file.getScene() == null ? null : file.getScene().getWindow();
        chooser.saveFile(owner, TEXT.get("record.to.title"), folder, name, ExportFormat.PCAPNG.fileType(), "pcapng")
                .ifPresent(chosen -> settings.file().textProperty().set(chosen.toString()));
    }

    /** The Export menu. */
    public MenuButton exportMenu() {
        return export;
    }

    /** The Record toggle. */
    public ToggleButton recordToggle() {
        return record;
    }
}
