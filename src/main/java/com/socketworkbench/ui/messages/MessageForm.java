package com.socketworkbench.ui.messages;

import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The panel's small form for a message's name and note: open while saving the editor's input as a new message or
 * while renaming one. Its problem ("a message named … exists") is shown in the form, where the name was typed;
 * {@link #nameTakenProperty()} offers Replace while saving.
 */
public final class MessageForm {
    /** What the form is doing. */
    public enum Mode { CLOSED, SAVE, EDIT }

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.CLOSED);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper nameTaken = new ReadOnlyBooleanWrapper(this, "nameTaken");

    MessageForm(Subscriptions subscriptions) {
        // A problem is about the name as it was; typing a new one clears it.
        subscriptions.listen(name, (obs, old, now) -> clearProblem());
    }

    void open(Mode newMode, String initialName, String initialNote) {
        name.set(initialName);
        note.set(initialNote);
        clearProblem();
        mode.set(newMode);
    }

    void close() {
        mode.set(Mode.CLOSED);
        clearProblem();
    }

    void refuse(String message, boolean taken) {
        problem.set(message);
        nameTaken.set(taken);
    }

    private void clearProblem() {
        problem.set("");
        nameTaken.set(false);
    }

    /** The name as typed, without surrounding spaces. */
    String trimmedName() {
        return name.get() == null ? "" : name.get().strip();
    }

    String trimmedNote() {
        return note.get() == null ? "" : note.get().strip();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public Mode mode() {
        return mode.get();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** Why the name was refused, empty while it is fine. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String problem() {
        return problem.get();
    }

    /** True after saving was refused because the name is taken: the form then offers to replace that message. */
    public ReadOnlyBooleanProperty nameTakenProperty() {
        return nameTaken.getReadOnlyProperty();
    }
}
