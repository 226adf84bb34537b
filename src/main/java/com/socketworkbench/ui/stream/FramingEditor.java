package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.LazyPanel;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.SendEditor;

import com.socketworkbench.engine.framing.DelimiterPreset;
import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.tcp.OversizePolicy;
import com.socketworkbench.engine.text.Texts;
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
    private static final Texts TEXT = StreamText.TEXT;

    private final FramingEditorModel model;
    private final ComboBox<FramingMode> modeBox = new ComboBox<>(FXCollections.observableArrayList(FramingMode.values()));
    private final ToggleButton settings = new ToggleButton(TEXT.get("framing.settings"));
    private final Label summary = new Label();
    private final HBox header;
    /** The mode's fields and the limits; they wrap onto a second line in a narrow window rather than get cut. */
    private final FlowPane fieldsRow = new FlowPane(14, 6);
    private final HBox modeFields = new HBox(10);
    private HBox limits;
    private final Label explanation = new Label();
    /** Nodes given to {@link #addToParameters} before the parameter row was built. */
    private final java.util.List<Node> extraParameters = new java.util.ArrayList<>();
    private final VBox root;
    private final Map<FramingMode, Node> fieldsByMode = new EnumMap<>(FramingMode.class);
    private final Map<FramingEditorModel.Field, Control> controls = new EnumMap<>(FramingEditorModel.Field.class);
    private final ValidationSupport validation = new ValidationSupport();

    public FramingEditor(FramingEditorModel model, Subscriptions subscriptions) {
        this.model = model;

        modeBox.setId("framingMode");
        subscriptions.bindBidirectional(modeBox.valueProperty(), model.modeProperty());
        subscriptions.subscribe(model.modeProperty(), mode -> Tips.install(modeBox, 
                TEXT.get("framing.mode.tooltip", mode == null ? "" : mode.explanation())));
        // Choosing a mode that needs parameters shows them; the user closes the row when done.
        subscriptions.listen(modeBox.valueProperty(), (obs, old, mode) -> {
            if (mode != null && mode != FramingMode.RAW) {
                settings.setSelected(true);
            }
        });

        settings.setId("framingSettings");
        settings.getStyleClass().add("small-toggle");
        Tips.install(settings, TEXT.get("framing.settings.tooltip"));
        subscriptions.subscribe(settings.selectedProperty(),
                open -> settings.setText(TEXT.get(open ? "framing.settings.open" : "framing.settings.closed")));

        summary.setId("framingSummary");
        summary.getStyleClass().addAll("muted-label", "framing-summary");
        // A narrow window wraps the summary onto a second line rather than cut what framing is in force.
        summary.setMinWidth(0);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        subscriptions.bind(summary.textProperty(), Bindings.createStringBinding(
                () -> model.spec().mode() == FramingMode.RAW ? TEXT.get("framing.raw.summary")
                        : model.spec().describe(),
                model.specProperty()));

        Label caption = new Label(TEXT.get("framing.caption"));
        caption.getStyleClass().add("field-caption");
        caption.setLabelFor(modeBox);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        // Only the summary gives way in a narrow header (it wraps); the mode and its button stay whole.
        modeBox.setMinWidth(Region.USE_PREF_SIZE);
        settings.setMinWidth(Region.USE_PREF_SIZE);
        header = new HBox(8, caption, modeBox, settings, summary);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("framing-header");

        subscriptions.bind(summary.visibleProperty(), settings.selectedProperty().not()
                .or(model.modeProperty().isEqualTo(FramingMode.RAW)));
        // The parameter row is built when Settings is first opened (choosing a mode with parameters opens it):
        // most connections stay raw, and the row's fields and combo boxes need not be styled at start.
        Node parameters = LazyPanel.showWhen(() -> buildParameters(subscriptions), settings.selectedProperty(),
                subscriptions);

        root = new VBox(6, header, parameters);
        root.setId("framing");
        root.getStyleClass().add("framing-editor");
        root.setFillWidth(true);
    }

    /** The parameter row ({@code framingParameters}): the chosen mode's fields, the limits, explanation, message. */
    private VBox buildParameters(Subscriptions subscriptions) {
        buildModeFields(subscriptions);

        TextField max = textField("maxFrameSize", 7, model.maxFrameSizeProperty(), subscriptions);
        Tips.install(max, TEXT.get("framing.max.tooltip"));
        controls.put(FramingEditorModel.Field.MAX_FRAME_SIZE, max);
        ComboBox<OversizePolicy> oversize = new ComboBox<>(FXCollections.observableArrayList(OversizePolicy.values()));
        oversize.setId("oversizePolicy");
        oversize.setConverter(new StringConverter<>() {
            @Override
            public String toString(OversizePolicy policy) {
                return policy == null ? "" : switch (policy) {
                    case DROP_CONNECTION -> TEXT.get("framing.oversize.close");
                    case DISCARD -> TEXT.get("framing.oversize.discard");
                };
            }

            @Override
            public OversizePolicy fromString(String text) {
                return TEXT.get("framing.oversize.discard").equals(text) ? OversizePolicy.DISCARD
                        : OversizePolicy.DROP_CONNECTION;
            }
        });
        Tips.install(oversize, TEXT.get("framing.oversize.tooltip"));
        subscriptions.bindBidirectional(oversize.valueProperty(), model.oversizePolicyProperty());
        limits = new HBox(10, SendEditor.labelled(TEXT.get("framing.max"), max),
                SendEditor.labelled(TEXT.get("framing.if.larger"), oversize));
        limits.getChildren().addAll(extraParameters);
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
            return mode.explanation() + (mode == FramingMode.RAW ? " " + TEXT.get("framing.sticky.packets") : "")
                    + " " + TEXT.get("framing.applies.next");
        }, model.modeProperty()));

        Label message = TabLayout.errorLabel("framingMessage", model.errorProperty(), subscriptions);

        for (Map.Entry<FramingEditorModel.Field, Control> entry : controls.entrySet()) {
            FramingEditorModel.Field field = entry.getKey();
            validation.registerValidator(entry.getValue(), false, (Validator<Object>) (control, value) ->
                    ValidationResult.fromErrorIf(control, model.error(), model.errorFieldProperty().get() == field));
        }
        subscriptions.listen(model.errorProperty(), (obs, old, now) -> validation.revalidate());

        VBox parameters = new VBox(6, fieldsRow, explanation, message);
        parameters.setId("framingParameters");
        parameters.getStyleClass().add("framing-parameters");
        return parameters;
    }

    private void buildModeFields(Subscriptions subscriptions) {
        ComboBox<String> delimiter = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.stream(DelimiterPreset.values()).map(DelimiterPreset::toString).toList()));
        delimiter.setId("delimiter");
        delimiter.setEditable(true);
        delimiter.setPrefWidth(110);
        delimiter.setValue(model.delimiterProperty().get());
        subscriptions.bindBidirectional(delimiter.getEditor().textProperty(), model.delimiterProperty());
        Tips.install(delimiter, TEXT.get("framing.delimiter.tooltip", Arrays.stream(DelimiterPreset.values())
                .map(DelimiterPreset::label).collect(Collectors.joining(", "))));
        controls.put(FramingEditorModel.Field.DELIMITER, delimiter);
        CheckBox keep = new CheckBox(TEXT.get("framing.keep.delimiter"));
        keep.setId("keepDelimiter");
        Tips.install(keep, TEXT.get("framing.keep.delimiter.tooltip"));
        subscriptions.bindBidirectional(keep.selectedProperty(), model.keepDelimiterProperty());
        fieldsByMode.put(FramingMode.DELIMITER, row(SendEditor.labelled(TEXT.get("framing.delimiter"), delimiter),
                keep));

        ComboBox<Integer> width = new ComboBox<>(FXCollections.observableArrayList(
                FramingEditorModel.LENGTH_FIELD_WIDTHS));
        width.setId("lengthFieldBytes");
        width.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer bytes) {
                return bytes == null ? "" : bytes == 1 ? TEXT.get("framing.width.one")
                        : TEXT.get("framing.width.other", bytes);
            }

            @Override
            public Integer fromString(String text) {
                return Integer.parseInt(text.replaceAll("\\D", ""));
            }
        });
        Tips.install(width, TEXT.get("framing.width.tooltip"));
        subscriptions.bindBidirectional(width.valueProperty(), model.lengthFieldBytesProperty());
        ComboBox<Endianness> order = new ComboBox<>(FXCollections.observableArrayList(Endianness.values()));
        order.setId("byteOrder");
        Tips.install(order, TEXT.get("framing.order.tooltip"));
        subscriptions.bindBidirectional(order.valueProperty(), model.byteOrderProperty());
        CheckBox includesHeader = new CheckBox(TEXT.get("framing.includes.header"));
        includesHeader.setId("lengthIncludesHeader");
        Tips.install(includesHeader, TEXT.get("framing.includes.header.tooltip"));
        subscriptions.bindBidirectional(includesHeader.selectedProperty(), model.lengthIncludesHeaderProperty());
        TextField offset = textField("lengthOffset", 4, model.lengthOffsetProperty(), subscriptions);
        Tips.install(offset, TEXT.get("framing.offset.tooltip"));
        controls.put(FramingEditorModel.Field.LENGTH_OFFSET, offset);
        fieldsByMode.put(FramingMode.LENGTH_PREFIX, row(SendEditor.labelled(TEXT.get("framing.length.field"), width),
                order, includesHeader, SendEditor.labelled(TEXT.get("framing.offset"), offset),
                unit(TEXT.get("framing.unit.bytes"))));

        TextField fixed = textField("fixedSize", 7, model.fixedSizeProperty(), subscriptions);
        Tips.install(fixed, TEXT.get("framing.fixed.tooltip"));
        controls.put(FramingEditorModel.Field.FIXED_SIZE, fixed);
        fieldsByMode.put(FramingMode.FIXED_SIZE, row(SendEditor.labelled(TEXT.get("framing.frame.size"), fixed),
                unit(TEXT.get("framing.unit.bytes"))));

        TextField gap = textField("idleGap", 6, model.idleGapMillisProperty(), subscriptions);
        Tips.install(gap, TEXT.get("framing.gap.tooltip", FramingSpec.MAX_IDLE_GAP_MILLIS));
        controls.put(FramingEditorModel.Field.IDLE_GAP, gap);
        fieldsByMode.put(FramingMode.IDLE_GAP, row(SendEditor.labelled(TEXT.get("framing.silence"), gap),
                unit(TEXT.get("framing.unit.ms"))));

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
        if (limits == null) {
            extraParameters.addAll(java.util.List.of(nodes));
        } else {
            limits.getChildren().addAll(nodes);
        }
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
