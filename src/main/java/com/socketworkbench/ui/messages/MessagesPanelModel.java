// Over 400 lines: the messages panel's one view model — selection, the form, import/export and sending each a few short methods over the shared MessageLibrary; MessageForm, MessageFiles and MessageTransfer hold the logic.
package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.codec.TextEscapes;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.PanelStatus;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.traffic.SendEditorModel;
import com.socketworkbench.workspace.SavedMessage;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A socket tab's messages panel without its controls: the shared {@link MessageLibrary}, filtered by the search
 * text; saving the tab's send editor input as a named message; sending a message through the tab's own send path
 * ({@link SendEditorModel#sendEncoded}: the connection, the chosen clients or the datagram target) with the
 * message's own format, charset and line ending; renaming, deleting (with undo), reordering, import and export.
 * Every outcome the user should see (a refused send, a bad import file) is one line in {@link #status()}.
 * FX thread; files are read and written through the {@link UiExecutor}.
 */
public final class MessagesPanelModel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");
    private final MessageLibrary library;
    private final SendEditorModel editor;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final FilteredList<SavedMessage> visible;
    private final ObjectProperty<SavedMessage> selected = new SimpleObjectProperty<>(this, "selected");
    private final MessageForm form;
    private final PanelStatus status = new PanelStatus();
    private final MessageTransfer transfer;
    private final MessageTemplates templates = new MessageTemplates();
    private SavedMessage edited;

    public MessagesPanelModel(MessageLibrary library, SendEditorModel editor, UiExecutor executor,
                              Subscriptions subscriptions) {
        this.library = library;
        this.editor = editor;
        this.transfer = new MessageTransfer(library, executor, status);
        this.form = new MessageForm(subscriptions);
        visible = new FilteredList<>(library.messages());
        subscriptions.subscribe(search, query -> visible.setPredicate(matching(query)));
    }

    /** Name, text or note contains the query, ignoring case; everything for an empty query. */
    private static Predicate<SavedMessage> matching(String query) {
        String wanted = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return null;
        }
        return message -> MessageNames.containsIgnoringCase(message.name(), wanted)
                || MessageNames.containsIgnoringCase(message.text(), wanted)
                || MessageNames.containsIgnoringCase(message.note(), wanted);
    }

    // ---------- saving and editing ----------

    /**
     * Opens the form to save the editor's input, with a free name suggested from its text. Refused, with the
     * editor's own message, while the input is invalid (an odd hex digit, an unknown escape).
     */
    public boolean beginSave() {
        String problem = saveProblem();
        if (!problem.isEmpty()) {
            showError(problem);
            return false;
        }
        form.open(MessageForm.Mode.SAVE, MessageNames.unique(MessageNames.suggest(editorText()), names()), "");
        return true;
    }

    /** Opens the form to rename the selected message or change its note. */
    public boolean beginEdit() {
        SavedMessage message = selected.get();
        if (message == null) {
            return false;
        }
        edited = message;
        form.open(MessageForm.Mode.EDIT, message.name(), message.note());
        return true;
    }

    /** Saves (or renames) with the form's name and note; refused in the form when the name is empty or taken. */
    public boolean confirmForm() {
        return switch (form.mode()) {
            case CLOSED -> false;
            case SAVE -> save(false);
            case EDIT -> rename();
        };
    }

    /** Saving under a taken name, confirmed: the message of that name is replaced where it stands. */
    public boolean replaceExisting() {
        return form.mode() == MessageForm.Mode.SAVE && save(true);
    }

    public void cancelForm() {
        form.close();
        edited = null;
    }

    private boolean save(boolean replace) {
        String name = form.trimmedName();
        if (name.isEmpty()) {
            form.refuse(TEXT.get("refuse.name"), false);
            return false;
        }
        String problem = saveProblem();
        if (!problem.isEmpty()) {
            form.refuse(problem, false);
            return false;
        }
        PayloadFormat format = editor.formatProperty().get();
        // Hex is sent without an ending, so the (disabled) ending control's value is not saved with it.
        SavedMessage message = new SavedMessage(name, savedText(), format, editor.charsetProperty().get().name(),
                format == PayloadFormat.HEX ? LineEnding.NONE : editor.lineEndingProperty().get(),
                form.trimmedNote(), editor.fieldsProperty().get());
        int existing = indexOfName(name);
        if (existing >= 0 && !replace) {
            form.refuse(TEXT.get("refuse.exists", name), true);
            return false;
        }
        if (existing >= 0) {
            library.messages().set(existing, message);
            showInfo(TEXT.get("status.replaced", name));
        } else {
            library.messages().add(message);
            showInfo(TEXT.get("status.saved", name));
        }
        form.close();
        selected.set(message);
        return true;
    }

    private boolean rename() {
        String name = form.trimmedName();
        int index = indexOf(edited);
        if (index < 0) {
            form.refuse(TEXT.get("refuse.deleted"), false);
            return false;
        }
        if (name.isEmpty()) {
            form.refuse(TEXT.get("refuse.name"), false);
            return false;
        }
        int other = indexOfName(name);
        if (other >= 0 && other != index) {
            form.refuse(TEXT.get("refuse.other", name), false);
            return false;
        }
        SavedMessage renamed = new SavedMessage(name, edited.text(), edited.format(), edited.charset(),
                edited.lineEnding(), form.trimmedNote(), edited.fields());
        library.messages().set(index, renamed);
        form.close();
        edited = null;
        selected.set(renamed);
        showInfo(TEXT.get("status.updated", name));
        return true;
    }

    /** Why the editor's input cannot be saved: the editor's own validation message, or that there is none. */
    private String saveProblem() {
        if (!editor.error().isEmpty()) {
            return editor.error();
        }
        if (editorText().isEmpty() && (editor.lineEndingProperty().get().length() == 0
                || editor.formatProperty().get() == PayloadFormat.HEX) && !editor.emptyAllowedProperty().get()) {
            return TEXT.get("refuse.empty.editor");
        }
        return "";
    }

    /** Puts the selected message into the send editor (text, format, charset, line ending) to change or send it. */
    public boolean loadIntoEditor() {
        SavedMessage message = selected.get();
        if (message == null) {
            return false;
        }
        // Text the encoder refuses (an imported file's bad hex) still loads: the editor is where it gets fixed and
        // says what is wrong. Only a charset this Java lacks cannot be put into the editor.
        Charset charset;
        try {
            charset = MessageBytes.charset(message);
        } catch (PayloadFormatException e) {
            showError(TEXT.get("status.load.failed", message.name(), e.getMessage()));
            return false;
        }
        editor.formatProperty().set(message.format());
        // Saved messages are written with escapes (see savedText), so they load with escapes on.
        editor.escapesProperty().set(true);
        editor.charsetProperty().set(charset);
        editor.lineEndingProperty().set(message.lineEnding());
        editor.fieldsProperty().set(message.fields());
        editor.textProperty().set(message.text());
        showInfo(TEXT.get("status.loaded", message.name()));
        return true;
    }

    // ---------- sending ----------

    public boolean sendSelected() {
        return send(selected.get());
    }

    /** Ctrl+{@code number}: sends the {@code number}th (1-based) message of the list as filtered now. */
    public boolean sendShortcut(int number) {
        if (library.messages().isEmpty()) {
            showError(TEXT.get("status.shortcut.none", number));
            return false;
        }
        if (number < 1 || number > visible.size()) {
            showError(TEXT.get(search.get().isBlank() ? "status.shortcut.has" : "status.shortcut.shows", number,
                    MessageTransfer.count(visible.size())));
            return false;
        }
        return send(visible.get(number - 1));
    }

    /**
     * Sends {@code message}'s bytes the way the tab's Send does. Refused with the tab's own reason ("Connect first")
     * while it has no target, and with the encoder's message when the saved text is not valid.
     */
    public boolean send(SavedMessage message) {
        if (message == null) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = templates.next(message);
        } catch (PayloadFormatException e) {
            showError(TEXT.get("status.send.failed", message.name(), e.getMessage()));
            return false;
        }
        if (bytes.length == 0 && !editor.emptyAllowedProperty().get()) {
            showError(TEXT.get("status.send.empty", message.name()));
            return false;
        }
        if (!editor.sendEncoded(bytes)) {
            String reason = editor.targetHintProperty().get();
            showError(TEXT.get("status.send.refused", message.name(),
                    reason.isEmpty() ? TEXT.get("status.send.nowhere") : reason));
            return false;
        }
        showInfo(TEXT.get("status.sent", message.name(), Formats.bytes(bytes.length)));
        return true;
    }

    // ---------- deleting and ordering ----------

    public boolean delete() {
        SavedMessage message = selected.get();
        int index = indexOf(message);
        if (index < 0) {
            return false;
        }
        library.delete(index);
        selected.set(null);
        showInfo(TEXT.get("status.deleted", message.name()));
        return true;
    }

    /** Puts the last deleted message back where it was (renamed if its name was taken since), in any panel. */
    public boolean undoDelete() {
        SavedMessage back = library.undoDelete();
        if (back == null) {
            return false;
        }
        selected.set(back);
        showInfo(TEXT.get("status.restored", back.name()));
        return true;
    }

    /** Moves the selected message above the one shown before it (with a search, the hidden ones stay put). */
    public boolean moveUp() {
        int shown = visibleIndexOf(selected.get());
        return shown > 0 && move(selected.get(), visible.get(shown - 1));
    }

    /** Moves the selected message below the one shown after it. */
    public boolean moveDown() {
        int shown = visibleIndexOf(selected.get());
        return shown >= 0 && shown < visible.size() - 1 && move(selected.get(), visible.get(shown + 1));
    }

    /** Drag and drop: {@code message} takes {@code target}'s place, {@code target} moves one step towards it. */
    public boolean move(SavedMessage message, SavedMessage target) {
        int from = indexOf(message);
        int to = indexOf(target);
        if (from < 0 || to < 0 || from == to) {
            return false;
        }
        List<SavedMessage> reordered = new ArrayList<>(library.messages());
        reordered.remove(from);
        reordered.add(to, message);
        // One change for every panel showing the library.
        library.messages().setAll(reordered);
        selected.set(message);
        return true;
    }

    // ---------- files ----------

    /** Appends the messages of a library (or workspace) file; a bad file imports nothing and says why. */
    public void importFrom(Path file) {
        transfer.importFrom(file);
    }

    /** Writes the whole library (not only what the search shows) to {@code file}. */
    public void exportTo(Path file) {
        transfer.exportTo(file);
    }

    // ---------- helpers ----------

    private String editorText() {
        String text = editor.textProperty().get();
        return text == null ? "" : text;
    }

    /**
     * The editor's text as a saved message holds it: messages are always read with escapes, so text typed with
     * escapes off is saved in escaped form ({@code C:\temp} becomes {@code C:\\temp}) and sends the same bytes.
     */
    private String savedText() {
        String text = editorText();
        if (editor.formatProperty().get() != PayloadFormat.TEXT || editor.escapesProperty().get()) {
            return text;
        }
        Charset charset = editor.charsetProperty().get();
        try {
            return TextEscapes.escape(TextEscapes.encodeLiteral(text, charset), charset);
        } catch (PayloadFormatException e) {
            return text; // not reached: saving is refused while the editor reports an error
        }
    }

    private List<String> names() {
        return library.messages().stream().map(SavedMessage::name).toList();
    }

    private int indexOfName(String name) {
        ObservableList<SavedMessage> messages = library.messages();
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** By identity: the list holds this very record (two equal records are still two entries). */
    private int indexOf(SavedMessage message) {
        ObservableList<SavedMessage> messages = library.messages();
        for (int i = 0; message != null && i < messages.size(); i++) {
            if (messages.get(i) == message) {
                return i;
            }
        }
        return -1;
    }

    private int visibleIndexOf(SavedMessage message) {
        for (int i = 0; message != null && i < visible.size(); i++) {
            if (visible.get(i) == message) {
                return i;
            }
        }
        return -1;
    }

    private void showInfo(String text) {
        status.info(text);
    }

    private void showError(String text) {
        status.error(text);
    }

    // ---------- properties ----------

    /** The whole library, in the user's order. */
    public ObservableList<SavedMessage> messages() {
        return library.messages();
    }

    /** The messages the search lets through, in the library's order; the list and Ctrl+1…9 use these. */
    public FilteredList<SavedMessage> visible() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<SavedMessage> selectedProperty() {
        return selected;
    }

    public MessageForm form() {
        return form;
    }

    /** The last outcome ("Sent “ping” (5 B)", "Nothing imported from x.json: …"). */
    public PanelStatus status() {
        return status;
    }

    /** The library's: one undo for every panel, forgotten when another workspace is opened. */
    public ReadOnlyBooleanProperty canUndoDeleteProperty() {
        return library.canUndoDeleteProperty();
    }
}
