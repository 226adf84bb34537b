package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.text.Texts;

/** Which rows of the timeline an export takes. */
public enum ExportScope {
    /** Every row the timeline still holds (what it trimmed is gone, and the export says how much). */
    ALL("scope.all"),
    /** The rows selected in the table, in timeline order. */
    SELECTED("scope.selected");

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.capture.capture");

    private final String key;

    ExportScope(String key) {
        this.key = key;
    }

    /** "all rows kept", "selected rows", in the user's language. */
    public String words() {
        return TEXT.get(key);
    }
}
