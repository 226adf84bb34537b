package com.socketworkbench.ui.tab;

import com.socketworkbench.workspace.MemoryPreferences;

/** Throwaway preferences for one test, so tests never touch the user's stored settings. */
public final class InMemoryPreferences {
    private InMemoryPreferences() {
    }

    /** A fresh, empty {@link AppPreferences} that lives only in memory. */
    public static AppPreferences fresh() {
        return new AppPreferences(new MemoryPreferences());
    }
}
