package com.socketworkbench.ui.tab;

import javafx.scene.Parent;

import java.net.URL;
import java.util.Objects;

/** Attaches the shared stylesheet plus a feature's own one to a view root, so every tab styles itself. */
public final class Styles {
    /** The stylesheet every view shares (colours, spacing, monospace, timeline rows). */
    public static final String COMMON = resource(Styles.class, "workbench.css");

    private Styles() {
    }

    /** Adds the shared stylesheet and {@code featureCss} (looked up next to {@code owner}) to {@code root}. */
    public static void apply(Parent root, Class<?> owner, String featureCss) {
        root.getStylesheets().add(COMMON);
        if (featureCss != null) {
            root.getStylesheets().add(resource(owner, featureCss));
        }
    }

    /** The external form of a stylesheet next to {@code owner}; fails fast when it is missing from the build. */
    public static String resource(Class<?> owner, String name) {
        URL url = Objects.requireNonNull(owner.getResource(name), () -> "missing stylesheet " + name + " next to "
                + owner.getName());
        return url.toExternalForm();
    }
}
