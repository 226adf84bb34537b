package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.LazyPanel;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.traffic.SendEditorModel;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The split-send controls of a stream tab's send editor: a "Split…" toggle ({@code split}) for the editor's tool bar
 * and the row it reveals ({@code splitOptions}): segment size ({@code segmentBytes}), gap ({@code segmentGap}),
 * repeat ({@code repeat}), back to back in one write ({@code coalesce}), TCP_NODELAY ({@code noDelay}, which sets the
 * socket option at once), a summary of what the next send does ({@code splitSummary}) and the validation message
 * ({@code splitMessage}). Together they provoke "sticky" and "half" packets on purpose.
 */
public final class SplitSendControls {
    private final ToggleButton toggle = new ToggleButton(StreamText.TEXT.get("split.toggle"));
    private final Node row;

    /**
     * @param options      the tab's socket options; the TCP_NODELAY box edits its request
     * @param applyOptions applies the tab's socket options now (called after the TCP_NODELAY box changed)
     */
    public SplitSendControls(SplitSendModel model, SendEditorModel editor, SocketOptionsModel options,
                             Runnable applyOptions, Subscriptions subscriptions) {
        toggle.setId("split");
        toggle.getStyleClass().add("small-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(toggle, StreamText.TEXT.get("split.toggle.tooltip"));
        subscriptions.bindBidirectional(toggle.selectedProperty(), model.enabledProperty());
        // Most sends are not split: the row is built when Split… is first turned on.
        row = LazyPanel.showWhen(() -> buildRow(model, editor, options, applyOptions, subscriptions),
                model.enabledProperty(), subscriptions);
    }

    private static HBox buildRow(SplitSendModel model, SendEditorModel editor, SocketOptionsModel options,
                                 Runnable applyOptions, Subscriptions subscriptions) {
        TextField segment = field("segmentBytes", 4, model.segmentBytesProperty(), subscriptions);
        segment.setPromptText(StreamText.TEXT.get("split.segment.prompt"));
        Tips.install(segment, StreamText.TEXT.get("split.segment.tooltip"));
        TextField gap = field("segmentGap", 4, model.gapMillisProperty(), subscriptions);
        Tips.install(gap, StreamText.TEXT.get("split.gap.tooltip"));
        TextField repeat = field("repeat", 3, model.repeatProperty(), subscriptions);
        Tips.install(repeat, StreamText.TEXT.get("split.repeat.tooltip"));
        CheckBox coalesce = new CheckBox(StreamText.TEXT.get("split.coalesce"));
        coalesce.setId("coalesce");
        Tips.install(coalesce, StreamText.TEXT.get("split.coalesce.tooltip"));
        subscriptions.bindBidirectional(coalesce.selectedProperty(), model.coalesceProperty());

        CheckBox noDelay = new CheckBox("TCP_NODELAY");
        noDelay.setMnemonicParsing(false);
        noDelay.setId("noDelay");
        Tips.install(noDelay, StreamText.TEXT.get("split.nodelay.tooltip"));
        subscriptions.subscribe(options.tcpNoDelayProperty(), value -> noDelay.setSelected(value == null || value));
        noDelay.setOnAction(event -> {
            options.tcpNoDelayProperty().set(noDelay.isSelected());
            applyOptions.run();
        });

        Label summary = new Label();
        summary.setId("splitSummary");
        summary.getStyleClass().add("muted-label");
        subscriptions.bind(summary.textProperty(), Bindings.createStringBinding(
                () -> model.describe(editor.encode().map(bytes -> bytes.length).orElse(0)),
                model.planProperty(), model.enabledProperty(), editor.textProperty(), editor.formatProperty(),
                editor.charsetProperty(), editor.lineEndingProperty(), editor.escapesProperty(),
                editor.fieldsProperty()));
        Label message = new Label();
        message.setId("splitMessage");
        message.getStyleClass().add("field-error");
        subscriptions.bind(message.textProperty(), model.errorProperty());

        HBox row = new HBox(10,
                SendEditor.labelled(StreamText.TEXT.get("split.segments.of"), segment),
                unit(StreamText.TEXT.get("split.unit.bytes")),
                gap, unit(StreamText.TEXT.get("split.unit.apart")),
                SendEditor.labelled(StreamText.TEXT.get("split.repeat"), repeat),

                coalesce, noDelay, summary, message);
        row.setId("splitOptions");
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("split-options");
        return row;
    }

    private static TextField field(String id, int columns, javafx.beans.property.StringProperty property,
                                   Subscriptions subscriptions) {
        TextField field = new TextField(property.get());
        field.setId(id);
        field.setPrefColumnCount(columns);
        subscriptions.bindBidirectional(field.textProperty(), property);
        return field;
    }

    private static Label unit(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** The "Split…" toggle, for {@link SendEditor#addOptions}. */
    public ToggleButton toggle() {
        return toggle;
    }

    /** The revealed row (its place until first shown), for {@link SendEditor#addRow}. */
    public Node row() {
        return row;
    }
}
