package com.socketworkbench.ui.theme;

import javafx.scene.Scene;

import java.net.URL;
import java.util.List;
import java.util.Objects;

/**
 * Puts a theme's stylesheet on a scene. The light look is ui/tab/workbench.css itself; the dark one adds
 * {@link #DARK} after it, which redefines the looked-up {@code -sw-*} colours at {@code .root}. A dialog owned by the
 * window needs nothing more: JavaFX binds a dialog's scene stylesheets to its owner stage's scene (HeavyweightDialog),
 * and popups (menus, tooltips, combo lists) take the owner scene's stylesheets when they show.
 */
public final class ThemeStyles {
    /** The dark theme's stylesheet (external form). */
    public static final String DARK = resource("dark.css");

    private ThemeStyles() {
    }

    /** Adds or removes the dark stylesheet so {@code stylesheets} shows {@code effective} (LIGHT or DARK). */
    public static void apply(List<String> stylesheets, Theme effective) {
        boolean dark = effective == Theme.DARK;
        if (dark == stylesheets.contains(DARK)) {
            return;
        }
        if (dark) {
            stylesheets.add(DARK);
        } else {
            stylesheets.remove(DARK);
        }
    }

    /** Whether {@code scene} currently shows the dark theme. */
    public static boolean isDark(Scene scene) {
        return scene.getStylesheets().contains(DARK);
    }

    private static String resource(String name) {
        URL url = Objects.requireNonNull(ThemeStyles.class.getResource(name), () -> "missing stylesheet " + name);
        return url.toExternalForm();
    }
}
