package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.SendEditor;

import com.socketworkbench.engine.framing.DelimiterPreset;
import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.tcp.OversizePolicy;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The receive framing controls of a stream tab (root id {@code framing}): a mode choice ({@code framingMode}), a
 * one-line summary of what is in force ({@code framingSummary}) and a {@code framingSettings} toggle that opens the
 * parameter row ({@code framingParameters}) below. The row holds only the chosen mode's fields — {@code delimiter},
 * {@code keepDelimiter}; {@code lengthFieldBytes}, {@code byteOrder}, {@code lengthIncludesHeader},
 * {@code lengthOffset}; {@code fixedSize}; {@code idleGap} — plus {@code maxFrameSize}, what happens to a larger
 * frame ({@code oversizePolicy}: close the connection, or discard it and resynchronise), the mode's explanation
 * ({@code framingExplanation}) and the validation message ({@code framingMessage}). Choosing a mode with parameters
 * opens the row; edits apply at once (see {@link FramingEditorModel}).
 *
 * <p>Tabs may add their own controls to the mode line with {@link #addToHeader} and to the parameter line with
 * {@link #addToParameters}.
 */
public final class FramingEditor {
    static final String APPLIES_NEXT = "Changes apply at once to bytes that arrive from now on; rows already shown"
            + " stay as they were.";
    static final String STICKY_PACKETS = " Known as 粘包 / 半包 (sticky and half packets).";

    private final FramingEditorModel model;
    private final ComboBox<FramingMode> modeBox = new ComboBox<>(FXCollections.observableArrayList(FramingMode.values()));
    private final ToggleButton settings = new ToggleButton("Settings");
    private final Label summary = new Label();
    private final HBox header;
    /** The mode's fields and the limits; they wrap onto a second line in a narrow window rather than get cut. */
    private final FlowPane fieldsRow = new FlowPane(14, 6);
    private final HBox modeFields = new HBox(10);
    private final HBox limits;
    private final Label explanation = new Label();
    private final VBox parameters;
    private final VBox root;
    private final Map<FramingMode, Node> fieldsByMode = new EnumMap<>(FramingMode.class);
    private final Map<FramingEditorModel.Field, Control> controls = new EnumMap<>(FramingEditorModel.Field.class);
    private final ValidationSupport validation = new ValidationSupport();

    public FramingEditor(FramingEditorModel model, Subscriptions subscriptions) {
        this.model = model;

        modeBox.setId("framingMode");
        subscriptions.bindBidirectional(modeBox.valueProperty(), model.modeProperty());
        subscriptions.subscribe(model.modeProperty(), mode -> modeBox.setTooltip(new Tooltip(
                "How received bytes become timeline rows.\n" + (mode == null ? "" : mode.explanation()))));
        // Choosing a mode that needs parameters shows them; the user closes the row when done.
        subscriptions.listen(modeBox.valueProperty(), (obs, old, mode) -> {
            if (mode != null && mode != FramingMode.RAW) {
                settings.setSelected(true);
            }
        });

        settings.setId("framingSettings");
        settings.getStyleClass().add("small-toggle");
        settings.setTooltip(new Tooltip("Show or hide the framing parameters, the maximum frame size and what the"
                + " mode means"));
        subscriptions.subscribe(settings.selectedProperty(), open -> settings.setText(open ? "Settings ▴" : "Settings ▾"));

        summary.setId("framingSummary");
        summary.getStyleClass().addAll("muted-label", "framing-summary");
        // A narrow window wraps the summary onto a second line rather than cut what framing is in force.
        summary.setMinWidth(0);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        subscriptions.bind(summary.textProperty(), Bindings.createStringBinding(
                () -> model.spec().mode() == FramingMode.RAW ? "one row per socket read" : model.spec().describe(),
                model.specProperty()));

        Label caption = new Label("Framing");
        caption.getStyleClass().add("field-caption");
        caption.setLabelFor(modeBox);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        // Only the summary gives way in a narrow header (it wraps); the mode and its button stay whole.
        modeBox.setMinWidth(Region.USE_PREF_SIZE);
        settings.setMinWidth(Region.USE_PREF_SIZE);
        header = new HBox(8, caption, modeBox, settings, summary);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("framing-header");

        buildModeFields(subscriptions);

        TextField max = textField("maxFrameSize", 7, model.maxFrameSizeProperty(), subscriptions);
        max.setTooltip(new Tooltip("The largest frame accepted, e.g. 16 MiB (at least 16 MiB, at most 1 GiB). It"
                + " protects memory against a peer that announces a huge length or never sends the delimiter."));
        controls.put(FramingEditorModel.Field.MAX_FRAME_SIZE, max);
        ComboBox<OversizePolicy> oversize = new ComboBox<>(FXCollections.observableArrayList(OversizePolicy.values()));
        oversize.setId("oversizePolicy");
        oversize.setConverter(new StringConverter<>() {
            @Override
            public String toString(OversizePolicy policy) {
                return policy == null ? "" : switch (policy) {
                    case DROP_CONNECTION -> "Close the connection";
                    case DISCARD -> "Discard it and resync";
                };
            }

            @Override
            public OversizePolicy fromString(String text) {
                return text != null && text.startsWith("Discard") ? OversizePolicy.DISCARD
                        : OversizePolicy.DROP_CONNECTION;
            }
        });
        oversize.setTooltip(new Tooltip("""
                What happens to a frame larger than the maximum (a failure row reports it either way):
                Close the connection: the safe default.
                Discard it and resync: skip the frame and go on (a length prefix skips the announced length,
                a delimiter skips past the next delimiter, an idle gap to the next silence)."""));
        subscriptions.bindBidirectional(oversize.valueProperty(), model.oversizePolicyProperty());
        limits = new HBox(10, SendEditor.labelled("Max frame", max), SendEditor.labelled("If larger", oversize));
        limits.setAlignment(Pos.CENTER_LEFT);

        fieldsRow.getChildren().addAll(modeFields, limits);
        fieldsRow.setAlignment(Pos.CENTER_LEFT);
        fieldsRow.setRowValignment(VPos.CENTER);
        subscriptions.subscribe(model.modeProperty(), this::showFieldsOf);

        explanation.setId("framingExplanation");
        explanation.getStyleClass().addAll("muted-label", "framing-explanation");
        explanation.setWrapText(true);
        subscriptions.bind(explanation.textProperty(), Bindings.createStringBinding(() -> {
            FramingMode mode = model.modeProperty().get() == null ? FramingMode.RAW : model.modeProperty().get();
            return mode.explanation() + (mode == FramingMode.RAW ? STICKY_PACKETS : "") + " " + APPLIES_NEXT;
        }, model.modeProperty()));

        Label message = TabLayout.errorLabel("framingMessage", model.errorProperty(), subscriptions);

        for (Map.Entry<FramingEditorModel.Field, Control> entry : controls.entrySet()) {
            FramingEditorModel.Field field = entry.getKey();
            validation.registerValidator(entry.getValue(), false, (Validator<Object>) (control, value) ->
                    ValidationResult.fromErrorIf(control, model.error(), model.errorFieldProperty().get() == field));
        }
        subscriptions.listen(model.errorProperty(), (obs, old, now) -> validation.revalidate());

        parameters = new VBox(6, fieldsRow, explanation, message);
        parameters.setId("framingParameters");
        parameters.getStyleClass().add("framing-parameters");
        subscriptions.bind(parameters.visibleProperty(), settings.selectedProperty());
        subscriptions.bind(parameters.managedProperty(), settings.selectedProperty());
        subscriptions.bind(summary.visibleProperty(), settings.selectedProperty().not()
                .or(model.modeProperty().isEqualTo(FramingMode.RAW)));

        root = new VBox(6, header, parameters);
        root.setId("framing");
        root.getStyleClass().add("framing-editor");
        root.setFillWidth(true);
    }

    private void buildModeFields(Subscriptions subscriptions) {
        ComboBox<String> delimiter = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.stream(DelimiterPreset.values()).map(DelimiterPreset::toString).toList()));
        delimiter.setId("delimiter");
        delimiter.setEditable(true);
        delimiter.setPrefWidth(110);
        delimiter.setValue(model.delimiterProperty().get());
        subscriptions.bindBidirectional(delimiter.getEditor().textProperty(), model.delimiterProperty());
        delimiter.setTooltip(new Tooltip("Where a message ends: "
                + Arrays.stream(DelimiterPreset.values()).map(DelimiterPreset::label).collect(Collectors.joining(", "))
                + ",\nor any bytes as hex, e.g. 7e or 0d 0a 0d 0a"));
        controls.put(FramingEditorModel.Field.DELIMITER, delimiter);
        CheckBox keep = new CheckBox("Keep delimiter");
        keep.setId("keepDelimiter");
        keep.setTooltip(new Tooltip("On: each row ends with the delimiter bytes. Off: they are stripped."));
        subscriptions.bindBidirectional(keep.selectedProperty(), model.keepDelimiterProperty());
        fieldsByMode.put(FramingMode.DELIMITER, row(SendEditor.labelled("Delimiter", delimiter), keep));

        ComboBox<Integer> width = new ComboBox<>(FXCollections.observableArrayList(
                FramingEditorModel.LENGTH_FIELD_WIDTHS));
        width.setId("lengthFieldBytes");
        width.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer bytes) {
                return bytes == null ? "" : bytes == 1 ? "1 byte" : bytes + " bytes";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.parseInt(text.replaceAll("\\D", ""));
            }
        });
        width.setTooltip(new Tooltip("How wide the unsigned length field is"));
        subscriptions.bindBidirectional(width.valueProperty(), model.lengthFieldBytesProperty());
        ComboBox<Endianness> order = new ComboBox<>(FXCollections.observableArrayList(Endianness.values()));
        order.setId("byteOrder");
        order.setTooltip(new Tooltip("Big endian (network byte order): most significant byte first, as most"
                + " protocols do. Little endian: least significant first."));
        subscriptions.bindBidirectional(order.valueProperty(), model.byteOrderProperty());
        CheckBox includesHeader = new CheckBox("Length counts the header");
        includesHeader.setId("lengthIncludesHeader");
        includesHeader.setTooltip(new Tooltip("On: the length is the whole frame from its first byte (offset bytes"
                + " and the length field included). Off: only the body after the length field."));
        subscriptions.bindBidirectional(includesHeader.selectedProperty(), model.lengthIncludesHeaderProperty());
        TextField offset = textField("lengthOffset", 4, model.lengthOffsetProperty(), subscriptions);
        offset.setTooltip(new Tooltip("Bytes before the length field (e.g. a type or magic byte), kept in the frame"));
        controls.put(FramingEditorModel.Field.LENGTH_OFFSET, offset);
        fieldsByMode.put(FramingMode.LENGTH_PREFIX, row(SendEditor.labelled("Length field", width), order,
                includesHeader, SendEditor.labelled("Offset", offset), unit("bytes")));

        TextField fixed = textField("fixedSize", 7, model.fixedSizeProperty(), subscriptions);
        fixed.setTooltip(new Tooltip("Bytes per frame, e.g. 16 or 1 KiB"));
        controls.put(FramingEditorModel.Field.FIXED_SIZE, fixed);
        fieldsByMode.put(FramingMode.FIXED_SIZE, row(SendEditor.labelled("Frame size", fixed), unit("bytes")));

        TextField gap = textField("idleGap", 6, model.idleGapMillisProperty(), subscriptions);
        gap.setTooltip(new Tooltip("A frame ends after this much silence on the connection, 1 to "
                + FramingSpec.MAX_IDLE_GAP_MILLIS + " ms"));
        controls.put(FramingEditorModel.Field.IDLE_GAP, gap);
        fieldsByMode.put(FramingMode.IDLE_GAP, row(SendEditor.labelled("Silence", gap), unit("ms")));
    }

    private static TextField textField(String id, int columns, javafx.beans.property.StringProperty property,
                                       Subscriptions subscriptions) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setText(property.get());
        subscriptions.bindBidirectional(field.textProperty(), property);
        return field;
    }

    private static Label unit(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox row(Node... nodes) {
        HBox box = new HBox(10, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void showFieldsOf(FramingMode mode) {
        Node fields = fieldsByMode.get(mode);
        modeFields.getChildren().setAll(fields == null ? java.util.List.of() : java.util.List.of(fields));
        boolean raw = mode == null || mode == FramingMode.RAW;
        limits.setVisible(!raw);
        limits.setManaged(!raw);
        fieldsRow.setVisible(!raw);
        fieldsRow.setManaged(!raw);
    }

    /** Adds controls to the end of the mode line (e.g. a tab's pending-bytes label). */
    public void addToHeader(Node... nodes) {
        header.getChildren().addAll(nodes);
    }

    /** Adds controls after the maximum frame size (e.g. the oversize policy). */
    public void addToParameters(Node... nodes) {
        limits.getChildren().addAll(nodes);
    }

    public Node view() {
        return root;
    }

    public ComboBox<FramingMode> modeBox() {
        return modeBox;
    }

    public ToggleButton settingsToggle() {
        return settings;
    }

    public FramingEditorModel model() {
        return model;
    }
}
