package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.tls.TlsVersion;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.input.InputVerdict;
import com.socketworkbench.ui.input.TextInput;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.Parent;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/**
 * The pieces both TLS panels are made of: captioned fields, file fields with a chooser button, the version range,
 * the red insecure switch, and the row of messages under the panel (each verdict shown where it was typed).
 */
final class TlsFields {
    private final Subscriptions subscriptions;
    private final Supplier<TlsFileChooser> chooser;
    private final List<Label> messages = new ArrayList<>();

    TlsFields(Subscriptions subscriptions, Supplier<TlsFileChooser> chooser) {
        this.subscriptions = subscriptions;
        this.chooser = chooser;
    }

    static String sheet() {
        return Objects.requireNonNull(TlsFields.class.getResource("tls.css"), "tls.css").toExternalForm();
    }

    /** A muted caption in front of a control, as the settings bars label their fields. */
    static HBox labelled(String caption, Node control) {
        Label label = new Label(caption);
        label.getStyleClass().add("field-caption");
        label.setLabelFor(control);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, control);
        box.getStyleClass().add("labelled-field");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A text field bound to {@code input}, its verdict shown in the panel's message row. */
    TextField text(String id, TextInput input, int columns, String prompt, String tooltip) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setPromptText(prompt);
        Tips.install(field, tooltip);
        subscriptions.bindBidirectional(field.textProperty(), input.textProperty());
        message(id + "Message", field, input.verdictProperty());
        return field;
    }

    /** A file's text field and its "…" button ({@code id + "Choose"}) that fills it from the chooser. */
    HBox file(String id, TlsFileInput input, ObservableObjectValue<InputVerdict> verdict, int columns, String prompt,
              String tooltip) {
        TlsFileField file = new TlsFileField(id, input, verdict, columns, prompt, tooltip, chooser, subscriptions);
        messages.add(file.message());
        return file.node();
    }

    /** A label in the message row that shows {@code verdict} (and decorates {@code field} on an error). */
    void message(String id, Control field, ObservableObjectValue<InputVerdict> verdict) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        FieldMessage.show(field, label, verdict, subscriptions);
        messages.add(label);
    }

    /** "Versions [TLS 1.2] to [TLS 1.3]", the range's error in the message row. */
    Node versions(VersionRange range) {
        ComboBox<TlsVersion> min = versionBox("tlsMinVersion", TEXT.get("version.min.tooltip"));
        ComboBox<TlsVersion> max = versionBox("tlsMaxVersion", TEXT.get("version.max.tooltip"));
        subscriptions.bindBidirectional(min.valueProperty(), range.minProperty());
        subscriptions.bindBidirectional(max.valueProperty(), range.maxProperty());
        message("tlsVersionsMessage", min, range.verdictProperty());
        Label to = new Label(TEXT.get("versions.to"));
        to.getStyleClass().add("field-caption");
        HBox both = new HBox(6, min, to, max);
        both.setAlignment(Pos.CENTER_LEFT);
        return labelled(TEXT.get("versions"), both);
    }

    private static ComboBox<TlsVersion> versionBox(String id, String tooltip) {
        ComboBox<TlsVersion> box = new ComboBox<>(FXCollections.observableArrayList(TlsVersion.values()));
        box.setId(id);
        Tips.install(box, tooltip);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(TlsVersion version) {
                return version == null ? "" : VersionRange.label(version);
            }

            @Override
            public TlsVersion fromString(String text) {
                return null;
            }
        });
        return box;
    }

    /** The red "Insecure (don't verify)" switch; its words say what it does while it is on. */
    CheckBox insecure(javafx.beans.property.BooleanProperty insecure) {
        CheckBox box = new CheckBox(TEXT.get("insecure"));
        box.setId("tlsInsecure");
        box.getStyleClass().add("insecure-toggle");
        Tips.install(box, TEXT.get("insecure.tooltip"));
        box.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bindBidirectional(box.selectedProperty(), insecure);
        subscriptions.subscribe(box.selectedProperty(), on -> {
            box.getStyleClass().remove("insecure-on");
            box.setText(TEXT.get(on ? "insecure.on" : "insecure"));
            if (on) {
                box.getStyleClass().add("insecure-on");
            }
        });
        return box;
    }

    /** The panel: its rows, then the messages of every field, which take no room while there are none. */
    VBox panel(Node... rows) {
        VBox panel = new VBox(6, rows);
        FlowPane messageRow = new FlowPane(16, 4);
        messageRow.getChildren().addAll(messages);
        messageRow.getStyleClass().add("tls-messages");
        var anyShown = Bindings.createBooleanBinding(() -> messages.stream().anyMatch(Node::isVisible),
                messages.stream().map(Node::visibleProperty).toArray(javafx.beans.Observable[]::new));
        subscriptions.bind(messageRow.visibleProperty(), anyShown);
        subscriptions.bind(messageRow.managedProperty(), messageRow.visibleProperty());
        panel.getChildren().add(messageRow);
        panel.setId("tlsSettings");
        panel.getStyleClass().add("tls-settings");
        panel.getStylesheets().add(sheet());
        return panel;
    }

    /** A row of the panel that wraps in a narrow window. */
    static FlowPane row(Node... nodes) {
        FlowPane row = new FlowPane(12, 6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setRowValignment(javafx.geometry.VPos.CENTER);
        return row;
    }

    /** The window a chooser opens over, from any node of the panel. */
    static Window windowOf(Parent node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }
}
