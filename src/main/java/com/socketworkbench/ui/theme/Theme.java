package com.socketworkbench.ui.theme;

import java.util.Locale;

/** The window's colours: light, dark, or whichever of the two the operating system is set to. */
public enum Theme {
    LIGHT,
    DARK,
    SYSTEM;

    /** The value kept in the user's preferences ({@code light}, {@code dark}, {@code system}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme a preference value names; anything else (absent, edited by hand, from a newer version) is SYSTEM. */
    public static Theme fromKey(String key) {
        if (key != null) {
            for (Theme theme : values()) {
                if (theme.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
                    return theme;
                }
            }
        }
        return SYSTEM;
    }
}
