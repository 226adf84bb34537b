package com.socketworkbench.ui.capture;

/** Which rows of the timeline an export takes. */
public enum ExportScope {
    /** Every row the timeline still holds (what it trimmed is gone, and the export says how much). */
    ALL("all rows kept", "All"),
    /** The rows selected in the table, in timeline order. */
    SELECTED("selected rows", "Selected");

    private final String words;
    private final String idPart;

    ExportScope(String words, String idPart) {
        this.words = words;
        this.idPart = idPart;
    }

    /** "all rows kept", "selected rows". */
    public String words() {
        return words;
    }

    String idPart() {
        return idPart;
    }
}
