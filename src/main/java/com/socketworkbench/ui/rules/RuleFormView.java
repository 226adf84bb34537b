package com.socketworkbench.ui.rules;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.rules.MatchKind;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.tab.TabLayout;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.charset.Charset;

/**
 * The rule editor inside the rules panel ({@code ruleForm}): name ({@code ruleNameField}), match kind
 * ({@code ruleKind}) and pattern ({@code rulePattern}), reply ({@code ruleReply}) with its format
 * ({@code ruleReplyFormat}), charset ({@code ruleCharset}), line ending ({@code ruleLineEnding}), escapes
 * ({@code ruleEscapes}) and dynamic fields ({@code ruleFields}), delay ({@code ruleDelay}); each problem under its
 * field ({@code ruleNameMessage}, {@code rulePatternMessage}, {@code ruleReplyMessage}, {@code ruleDelayMessage});
 * Save ({@code saveRule}) and Cancel ({@code cancelRule}).
 */
final class RuleFormView {
    private final VBox root;

    RuleFormView(RulesModel model, Subscriptions subscriptions) {
        RuleForm form = model.form();
        TextField name = new TextField();
        name.setId("ruleNameField");
        name.setPrefColumnCount(10);
        HBox.setHgrow(name, Priority.ALWAYS);
        subscriptions.bindBidirectional(name.textProperty(), form.nameProperty());

        ComboBox<MatchKind> kind = new ComboBox<>(FXCollections.observableArrayList(MatchKind.values()));
        kind.setId("ruleKind");
        kind.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bindBidirectional(kind.valueProperty(), form.kindProperty());
        TextField pattern = new TextField();
        pattern.setId("rulePattern");
        pattern.setPrefColumnCount(6);
        Tips.install(pattern, RulesText.TEXT.get("form.pattern.tooltip"));
        subscriptions.bindBidirectional(pattern.textProperty(), form.patternProperty());
        subscriptions.bind(pattern.disableProperty(), form.kindProperty().isEqualTo(MatchKind.ANY));
        subscriptions.subscribe(form.kindProperty(), now -> pattern.setPromptText(now == null ? ""
                : RulesText.TEXT.get("form.pattern.prompt." + now.name().toLowerCase(java.util.Locale.ROOT))));
        HBox.setHgrow(pattern, Priority.ALWAYS);

        TextArea reply = new TextArea();
        reply.setId("ruleReply");
        reply.setPrefRowCount(2);
        // The panel is narrow: the box takes the panel's width, not its default 40 columns.
        reply.setPrefColumnCount(10);
        reply.setWrapText(true);
        reply.setPromptText(RulesText.TEXT.get("form.reply.prompt"));
        Tips.install(reply, RulesText.TEXT.get("form.reply.tooltip"));
        subscriptions.bindBidirectional(reply.textProperty(), form.replyProperty());

        ComboBox<PayloadFormat> format = new ComboBox<>(FXCollections.observableArrayList(PayloadFormat.values()));
        format.setId("ruleReplyFormat");
        subscriptions.bindBidirectional(format.valueProperty(), form.formatProperty());
        ComboBox<Charset> charset = new ComboBox<>(FXCollections.observableArrayList(SupportedCharsets.all()));
        charset.setId("ruleCharset");
        Tips.install(charset, RulesText.TEXT.get("form.charset.tooltip"));
        subscriptions.bindBidirectional(charset.valueProperty(), form.charsetProperty());
        ComboBox<LineEnding> ending = new ComboBox<>(FXCollections.observableArrayList(LineEnding.values()));
        ending.setId("ruleLineEnding");
        Tips.install(ending, RulesText.TEXT.get("form.ending.tooltip"));
        subscriptions.bindBidirectional(ending.valueProperty(), form.lineEndingProperty());
        CheckBox escapes = new CheckBox(RulesText.TEXT.get("form.escapes"));
        escapes.setId("ruleEscapes");
        subscriptions.bindBidirectional(escapes.selectedProperty(), form.escapesProperty());
        CheckBox fields = new CheckBox(RulesText.TEXT.get("form.fields"));
        fields.setId("ruleFields");
        Tips.install(fields, RulesText.TEXT.get("form.fields.tooltip"));
        subscriptions.bindBidirectional(fields.selectedProperty(), form.fieldsProperty());
        // Text settings mean nothing to hex: exact bytes.
        for (Node text : new Node[]{ending, escapes}) {
            subscriptions.bind(text.disableProperty(), form.formatProperty().isEqualTo(PayloadFormat.HEX));
        }

        TextField delay = new TextField();
        delay.setId("ruleDelay");
        delay.setPrefColumnCount(6);
        subscriptions.bindBidirectional(delay.textProperty(), form.delayProperty());

        Button save = new Button(RulesText.TEXT.get("form.save"));
        save.setId("saveRule");
        save.getStyleClass().addAll("small-button", "accent");
        save.setDefaultButton(false);
        save.setOnAction(event -> model.saveForm());
        subscriptions.bind(save.disableProperty(), form.validBinding().not());
        Button cancel = new Button(RulesText.TEXT.get("form.cancel"));
        cancel.setId("cancelRule");
        cancel.getStyleClass().add("small-button");
        cancel.setOnAction(event -> model.cancelForm());
        HBox buttons = new HBox(6, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        root = new VBox(4,
                row(RulesText.TEXT.get("form.name"), name), message("ruleNameMessage", name, form.nameVerdict(),
                        subscriptions),
                row(RulesText.TEXT.get("form.match"), kind, pattern),
                message("rulePatternMessage", pattern, form.patternVerdict(), subscriptions),
                wrapping(RulesText.TEXT.get("form.reply")), reply,
                message("ruleReplyMessage", reply, form.replyVerdict(), subscriptions),
                flow(format, charset, ending, escapes, fields),
                row(RulesText.TEXT.get("form.delay"), delay, caption(RulesText.TEXT.get("form.delay.unit"))),
                message("ruleDelayMessage", delay, form.delayVerdict(), subscriptions),
                buttons);
        root.setId("ruleForm");
        root.getStyleClass().add("message-form");
        TabLayout.showWhen(root, form.openProperty(), subscriptions);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label wrapping(String text) {
        Label label = caption(text);
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox row(String caption, Node... controls) {
        HBox row = new HBox(6, caption(caption));
        row.getChildren().addAll(controls);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static FlowPane flow(Node... nodes) {
        FlowPane pane = new FlowPane(6, 4, nodes);
        pane.setPrefWrapLength(RulesPanel.WIDTH / 2);
        pane.setAlignment(Pos.CENTER_LEFT);
        return pane;
    }

    private static Label message(String id, Control field, javafx.beans.value.ObservableObjectValue<
            com.socketworkbench.ui.input.InputVerdict> verdict, Subscriptions subscriptions) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        FieldMessage.show(field, label, verdict, subscriptions);
        return label;
    }

    Node view() {
        return root;
    }
}
