package com.socketworkbench.ui.traffic;

/** How the timeline's search text is read. */
public enum SearchMode {
    /** The text, ignoring the case of ASCII letters, in the payload (in the chosen charset), peer and kind. */
    PLAIN("search.mode.plain", "search.prompt"),
    /** A {@link java.util.regex.Pattern} over the decoded payload, peer and kind. */
    REGEX("search.mode.regex", "search.prompt.regex"),
    /** Hex bytes, {@code ??} for any byte ({@code de ad ?? ef}), in the payload only. */
    HEX("search.mode.hex", "search.prompt.hex");

    private final String labelKey;
    private final String promptKey;

    SearchMode(String labelKey, String promptKey) {
        this.labelKey = labelKey;
        this.promptKey = promptKey;
    }

    String prompt() {
        return TrafficTexts.TEXT.get(promptKey);
    }

    @Override
    public String toString() {
        return TrafficTexts.TEXT.get(labelKey);
    }
}
