package com.socketworkbench.ui.messages;

import com.socketworkbench.workspace.SavedMessage;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The workspace's named messages, one list shared by every socket tab's messages panel (a message saved in one tab
 * can be sent from any other). Lives on the FX thread; the window saves and restores it with the workspace.
 */
public final class MessageLibrary {
    private final ObservableList<SavedMessage> messages = FXCollections.observableArrayList();

    /** The messages in the user's order; panels show and edit this list. */
    public ObservableList<SavedMessage> messages() {
        return messages;
    }

    /** A copy for saving. */
    public List<SavedMessage> snapshot() {
        return List.copyOf(messages);
    }

    /** Replaces the whole library in one change (opening a workspace). */
    public void replaceAll(List<SavedMessage> replacement) {
        messages.setAll(replacement);
    }
}
