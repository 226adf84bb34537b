package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers where the window was and puts it back there, unless that place is no longer on any screen. */
final class WindowBounds {
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 600;

    private final AppPreferences preferences;

    WindowBounds(AppPreferences preferences) {
        this.preferences = preferences;
    }

    double width() {
        return Math.max(MIN_WIDTH, preferences.getDouble("width", DEFAULT_WIDTH));
    }

    double height() {
        return Math.max(MIN_HEIGHT, preferences.getDouble("height", DEFAULT_HEIGHT));
    }

    /**
     * Puts the stage back at its remembered size and place. The size is set on the stage itself, not only on the
     * scene: a stage that was already shown (an embedding host, a test harness) keeps its own size otherwise.
     */
    void restore(Stage stage) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setWidth(width());
        stage.setHeight(height());
        double x = preferences.getDouble("x", Double.NaN);
        double y = preferences.getDouble("y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width(), height())).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(preferences.getBoolean("maximized", false));
    }

    void save(Stage stage) {
        preferences.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            preferences.putDouble("x", stage.getX());
            preferences.putDouble("y", stage.getY());
            preferences.putDouble("width", stage.getWidth());
            preferences.putDouble("height", stage.getHeight());
        }
    }
}
