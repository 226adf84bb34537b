package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.workspace.MemoryPreferences;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The send editor in the user's stored preferences (8 KiB a value, no NUL) and in a workspace node (any text): a
 * value the stored node refuses is skipped there, never thrown, and kept whole by the workspace.
 */
class SendEditorStoredPreferencesTest {
    private final Subscriptions subscriptions = new Subscriptions();

    @Test
    void storedPreferencesKeepThePreviousInputWhenTheTextIsTooLongForThem() {
        Preferences stored = MemoryPreferences.withStoredLimits();
        SendEditorModel editor = new SendEditorModel(subscriptions);
        editor.textProperty().set("short");
        editor.save(stored);
        String longText = "x".repeat(Preferences.MAX_VALUE_LENGTH + 1);
        editor.textProperty().set(longText);
        editor.history().record(new SendHistory.Entry("nul\u0000inside", PayloadFormat.TEXT));
        editor.history().record(new SendHistory.Entry("kept", PayloadFormat.TEXT));
        editor.save(stored);

        SendEditorModel next = new SendEditorModel(subscriptions);
        next.load(stored);
        assertEquals("short", next.textProperty().get());
        assertEquals(List.of(new SendHistory.Entry("kept", PayloadFormat.TEXT)), next.history().entries());

        MemoryPreferences workspace = new MemoryPreferences();
        editor.save(workspace);
        SendEditorModel reopened = new SendEditorModel(subscriptions);
        reopened.load(workspace);
        assertEquals(longText, reopened.textProperty().get());
        assertEquals(editor.history().entries(), reopened.history().entries());
    }

    @Test
    void theEscapesSwitchIsSavedWithTheTabAndMissingMeansOn() {
        MemoryPreferences node = new MemoryPreferences();
        SendEditorModel editor = new SendEditorModel(subscriptions);
        editor.escapesProperty().set(false);
        editor.textProperty().set("C:\\temp\\new");
        editor.send();
        editor.save(node);

        SendEditorModel reopened = new SendEditorModel(subscriptions);
        reopened.load(node);
        assertEquals(false, reopened.escapesProperty().get());
        assertEquals(List.of(new SendHistory.Entry("C:\\temp\\new", PayloadFormat.TEXT, false)),
                reopened.history().entries());

        SendEditorModel older = new SendEditorModel(subscriptions);
        older.escapesProperty().set(false);
        older.load(new MemoryPreferences());
        assertEquals(true, older.escapesProperty().get(), "a tab saved before the switch existed used escapes");
    }
}
