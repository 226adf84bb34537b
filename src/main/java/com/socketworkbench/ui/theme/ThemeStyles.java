package com.socketworkbench.ui.theme;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.net.URL;
import java.util.List;
import java.util.Objects;

/**
 * Puts a theme's stylesheet on a scene. The light look is ui/tab/workbench.css itself; the dark one adds
 * {@link #DARK} after it, which redefines the looked-up {@code -sw-*} colours at {@code .root}. Dialogs have scenes of
 * their own, so {@link #follow} gives them the owner window's stylesheets as they are when the dialog opens.
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

    /**
     * Styles {@code dialog} like its owner window (call before showing it): the owner scene's stylesheets go onto
     * the dialog pane, the root of the dialog's own scene, so its {@code .root} colours are the window's.
     */
    public static void follow(Dialog<?> dialog, Window owner) {
        if (owner != null && owner.getScene() != null) {
            Parent pane = dialog.getDialogPane();
            pane.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
    }

    private static String resource(String name) {
        URL url = Objects.requireNonNull(ThemeStyles.class.getResource(name), () -> "missing stylesheet " + name);
        return url.toExternalForm();
    }
}
