package com.socketworkbench.ui.messages;

import com.socketworkbench.workspace.SavedMessage;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The workspace's named messages, one list shared by every socket tab's messages panel (a message saved in one tab
 * can be sent from any other). Lives on the FX thread; the window saves and restores it with the workspace.
 *
 * <p>It also keeps the last deleted message for Undo, here rather than in a panel: every panel offers the same undo,
 * and opening another workspace ({@link #replaceAll}) forgets it, so an old workspace's message never lands in a new
 * one.
 */
public final class MessageLibrary {
    private final ObservableList<SavedMessage> messages = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canUndoDelete = new ReadOnlyBooleanWrapper(this, "canUndoDelete");
    private SavedMessage deleted;
    private int deletedIndex;

    /** The messages in the user's order; panels show and edit this list. */
    public ObservableList<SavedMessage> messages() {
        return messages;
    }

    /** A copy for saving. */
    public List<SavedMessage> snapshot() {
        return List.copyOf(messages);
    }

    /** Replaces the whole library in one change (opening a workspace); forgets the deleted message. */
    public void replaceAll(List<SavedMessage> replacement) {
        forgetDeleted();
        messages.setAll(replacement);
    }

    /** Removes the message at {@code index} and keeps it for {@link #undoDelete()}. */
    public SavedMessage delete(int index) {
        deleted = messages.remove(index);
        deletedIndex = index;
        canUndoDelete.set(true);
        return deleted;
    }

    /**
     * Puts the last deleted message back where it was (renamed {@code "name (2)"} if a message took its name
     * meanwhile) and returns it; null when there is nothing to undo.
     */
    public SavedMessage undoDelete() {
        if (deleted == null) {
            return null;
        }
        SavedMessage back = deleted.withName(MessageNames.unique(deleted.name(),
                messages.stream().map(SavedMessage::name).toList()));
        int index = Math.min(deletedIndex, messages.size());
        forgetDeleted();
        messages.add(index, back);
        return back;
    }

    private void forgetDeleted() {
        deleted = null;
        canUndoDelete.set(false);
    }

    public ReadOnlyBooleanProperty canUndoDeleteProperty() {
        return canUndoDelete.getReadOnlyProperty();
    }
}
