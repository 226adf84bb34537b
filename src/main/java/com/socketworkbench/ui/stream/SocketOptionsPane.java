package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.TabLayout;

import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.engine.options.OptionValue;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Requested and granted socket options side by side (root id {@code socketOptions}): one line per option with the
 * request ({@code optNoDelay}, {@code optReceiveBuffer}, ...; "default" or blank leaves the system's value), the
 * value read back from the socket ({@code grantedNoDelay}, {@code grantedReceiveBuffer}, ...) and, under it, the
 * operating system's note when the two differ or need explaining ({@code noteReceiveBuffer}, ...). Apply
 * ({@code applyOptions}) hands the requests to the tab; the validation message is {@code optionsMessage} and which
 * socket the granted values come from is {@code optionsSubject}.
 */
public final class SocketOptionsPane {
    private static final String DEFAULT = "default";

    private record Row(String option, String idSuffix, Control control, Label granted, Label note) {
    }

    private final SocketOptionsModel model;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final GridPane grid = new GridPane();
    private final Button apply = new Button(StreamText.TEXT.get("options.apply"));
    private final VBox root;
    private final ValidationSupport validation = new ValidationSupport();
    private int nextRow = 1;

    /**
     * @param client  true for a client tab, which also shows the connect timeout (taken from its Timeout field)
     * @param onApply called on the FX thread when the user applies valid requests
     */
    public SocketOptionsPane(SocketOptionsModel model, boolean client, Runnable onApply, Subscriptions subscriptions) {
        this.model = model;
        grid.getStyleClass().add("socket-options-grid");
        grid.setHgap(8);
        grid.setVgap(3);
        // Names and granted values are never cut ("2097152 bytes" must stay whole); a narrow panel takes the room
        // from the request text fields, down to what a combo box needs to show "default" whole.
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints request = new ColumnConstraints();
        request.setPrefWidth(112);
        ColumnConstraints granted = new ColumnConstraints();
        granted.setMinWidth(Region.USE_PREF_SIZE);
        granted.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(name, request, granted);
        grid.add(heading(StreamText.TEXT.get("options.heading.option")), 0, 0);
        grid.add(heading(StreamText.TEXT.get("options.heading.requested")), 1, 0);
        grid.add(heading(StreamText.TEXT.get("options.heading.granted")), 2, 0);

        tristate(SocketOptionsModel.REUSE_ADDRESS, "ReuseAddress", model.reuseAddressProperty(), subscriptions);
        tristate(SocketOptionsModel.NO_DELAY, "NoDelay", model.tcpNoDelayProperty(), subscriptions);
        tristate(SocketOptionsModel.KEEP_ALIVE, "KeepAlive", model.keepAliveProperty(), subscriptions);
        String bytes = StreamText.TEXT.get("options.prompt.bytes");
        text(SocketOptionsModel.RECEIVE_BUFFER, "ReceiveBuffer", bytes, model.receiveBufferProperty(), subscriptions);
        text(SocketOptionsModel.SEND_BUFFER, "SendBuffer", bytes, model.sendBufferProperty(), subscriptions);
        text(SocketOptionsModel.LINGER, "Linger", StreamText.TEXT.get("options.prompt.linger"),
                model.lingerProperty(), subscriptions);
        text(SocketOptionsModel.IP_TOS, "IpTos", "0-255", model.ipTosProperty(), subscriptions);
        text(SocketOptionsModel.READ_IDLE_TIMEOUT, "ReadIdleTimeout", StreamText.TEXT.get("options.prompt.timeout"),
                model.readIdleTimeoutProperty(),
                subscriptions);
        if (client) {
            Label connectTimeout = new Label();
            connectTimeout.setId("optConnectTimeout");
            connectTimeout.getStyleClass().add("muted-label");
            subscriptions.bind(connectTimeout.textProperty(), Bindings.createStringBinding(
                    () -> StreamText.TEXT.get("options.connect.timeout", describe(model.connectTimeoutProperty().get())),
                    model.connectTimeoutProperty()));
            Tips.install(connectTimeout, StreamText.TEXT.get("options.connect.timeout.tooltip"));
            addRow(SocketOptionsModel.CONNECT_TIMEOUT, "ConnectTimeout", connectTimeout);
        }

        Label subject = new Label();
        subject.setId("optionsSubject");
        subject.getStyleClass().add("muted-label");
        subject.setWrapText(true);
        subject.setMinWidth(0);
        subscriptions.bind(subject.textProperty(), Bindings.createStringBinding(() ->
                model.effectiveSubjectProperty().get().isEmpty()
                        ? StreamText.TEXT.get("options.subject.none")
                        : StreamText.TEXT.get("options.subject.granted", model.effectiveSubjectProperty().get()),
                model.effectiveSubjectProperty()));

        Label message = TabLayout.errorLabel("optionsMessage", model.errorProperty(), subscriptions);

        apply.setId("applyOptions");
        apply.getStyleClass().add("accent");
        apply.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(apply, StreamText.TEXT.get("options.apply.tooltip"));
        apply.setOnAction(event -> onApply.run());
        subscriptions.bind(apply.disableProperty(), model.errorProperty().isNotEmpty());
        HBox actions = new HBox(8, apply, subject);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(subject, Priority.ALWAYS);

        for (Row row : rows.values()) {
            String option = row.option();
            validation.registerValidator(row.control(), false, (Validator<Object>) (control, value) ->
                    ValidationResult.fromErrorIf(control, model.errorProperty().get(),
                            option.equals(model.errorOptionProperty().get())));
        }
        subscriptions.listen(model.errorProperty(), (obs, old, now) -> validation.revalidate());
        subscriptions.subscribe(model.effectiveProperty(), this::showEffective);

        root = new VBox(8, grid, message, actions);
        root.setId("socketOptions");
        root.getStyleClass().add("socket-options");
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("options-heading");
        return label;
    }

    private void tristate(String option, String idSuffix, ObjectProperty<Boolean> property,
                          Subscriptions subscriptions) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(DEFAULT, "on", "off"));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinWidth(Region.USE_PREF_SIZE);
        // The values stay the tokens "default", "on", "off"; only what is shown is in the user's language.
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String token) {
                return token == null ? "" : StreamText.TEXT.get("options." + token);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        Function<Boolean, String> toText = value -> value == null ? DEFAULT : value ? "on" : "off";
        box.setValue(toText.apply(property.get()));
        subscriptions.listen(box.valueProperty(), (obs, old, now) ->
                property.set(now == null || now.equals(DEFAULT) ? null : now.equals("on")));
        subscriptions.listen(property, (obs, old, now) -> box.setValue(toText.apply(now)));
        addRow(option, idSuffix, box);
    }

    private void text(String option, String idSuffix, String prompt, StringProperty property,
                      Subscriptions subscriptions) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setText(property.get());
        subscriptions.bindBidirectional(field.textProperty(), property);
        addRow(option, idSuffix, field);
    }

    private void addRow(String option, String idSuffix, Control control) {
        control.setId("opt" + idSuffix);
        Label name = new Label(optionName(option));
        name.getStyleClass().add("option-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        String meaning = new OptionValue(option, null, "", null).meaning();
        if (!meaning.isEmpty()) {
            Tips.install(name, meaning);
            Tips.install(control, meaning);
        }
        Label granted = new Label("—");
        granted.setId("granted" + idSuffix);
        granted.setMinWidth(Region.USE_PREF_SIZE);
        granted.getStyleClass().add("option-granted");
        Label note = new Label();
        note.setId("note" + idSuffix);
        note.getStyleClass().add("option-note");
        note.setWrapText(true);
        note.setVisible(false);
        note.setManaged(false);
        grid.add(name, 0, nextRow);
        grid.add(control, 1, nextRow);
        grid.add(granted, 2, nextRow);
        GridPane.setHalignment(name, HPos.LEFT);
        grid.add(note, 0, nextRow + 1, 3, 1);
        nextRow += 2;
        rows.put(option, new Row(option, idSuffix, control, granted, note));
    }

    private void showEffective(EffectiveOptions options) {
        for (Row row : rows.values()) {
            OptionValue value = options.find(row.option()).orElse(null);
            row.granted().setText(value == null ? "—" : value.effective());
            row.granted().getStyleClass().remove("differs");
            if (value != null && value.wasRequested() && !sameValue(value)) {
                row.granted().getStyleClass().add("differs");
            }
            String note = value == null || value.note() == null ? "" : value.note();
            row.note().setText(note);
            row.note().setVisible(!note.isEmpty());
            row.note().setManaged(!note.isEmpty());
        }
    }

    private static boolean sameValue(OptionValue value) {
        return value.requested().equals(value.effective());
    }

    /** The option's name as shown: socket option names stay as they are, the workbench's own are translated. */
    private static String optionName(String option) {
        return switch (option) {
            case SocketOptionsModel.READ_IDLE_TIMEOUT -> StreamText.TEXT.get("options.name.read.idle.timeout");
            case SocketOptionsModel.CONNECT_TIMEOUT -> StreamText.TEXT.get("options.name.connect.timeout");
            default -> option;
        };
    }

    private static String describe(Duration timeout) {
        if (timeout == null) {
            return StreamText.TEXT.get("options.default");
        }

        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    public Node view() {
        return root;
    }

    public Button applyButton() {
        return apply;
    }

    public SocketOptionsModel model() {
        return model;
    }
}
