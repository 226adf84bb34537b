package com.socketworkbench.ui.capture;

/** Which rows of the timeline an export takes. */
public enum ExportScope {
    /** Every row the timeline still holds (what it trimmed is gone, and the export says how much). */
    ALL("all rows kept"),
    /** The rows selected in the table, in timeline order. */
    SELECTED("selected rows");

    private final String words;

    ExportScope(String words) {
        this.words = words;
    }

    /** "all rows kept", "selected rows". */
    public String words() {
        return words;
    }
}
