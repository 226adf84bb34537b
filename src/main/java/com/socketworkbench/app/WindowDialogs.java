package com.socketworkbench.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the window asks the user. Behind an interface because file choosers cannot be driven headless and
 * a modal question would stop a UI test: the app uses {@link FxWindowDialogs}, tests answer from a script.
 */
interface WindowDialogs {

    /** What to do with unsaved changes before the workspace is closed or replaced. */
    enum UnsavedChoice {
        SAVE,
        DISCARD,
        CANCEL
    }

    /**
     * Whether to close a tab that has a live listener, connection or request.
     *
     * @param title the tab's title
     * @param state what the tab is doing, as its status bar says it
     */
    boolean confirmClose(String title, String state);

    /** Save, discard or keep the workspace {@code name} whose changes are not saved. */
    UnsavedChoice askToSave(String name);

    /**
     * Whether to reset every setting to its default (View → Reset Settings).
     *
     * @param where          where the settings are kept (the preference node)
     * @param untitledFolder the data folder, whose untitled workspace a reset leaves alone
     */
    boolean confirmReset(String where, String untitledFolder);

    /** A workspace file to open, starting in {@code folder} (may be null). */
    Optional<Path> chooseOpen(Path folder);

    /** Where to save the workspace, starting in {@code folder} (may be null) with {@code fileName}. */
    Optional<Path> chooseSave(Path folder, String fileName);
}
