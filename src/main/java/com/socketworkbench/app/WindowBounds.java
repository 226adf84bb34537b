package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;

/** Remembers where the window was and puts it back there, unless that place is no longer on any screen. */
final class WindowBounds {
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 600;
    /**
     * JavaFX's Headless platform (tests, benchmarks, screenshots) reports a made-up 1000 × 1000 screen that nobody
     * sees; a window there keeps the size it asks for.
     */
    private static final boolean HEADLESS = "Headless".equalsIgnoreCase(System.getProperty("glass.platform"));
    private static final Rectangle2D UNBOUNDED = new Rectangle2D(-1e6, -1e6, 2e6, 2e6);

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
     * scene: a stage that was already shown (an embedding host, a test harness) keeps its own size otherwise. On a
     * screen smaller than that size (a 1366 × 768 laptop under its task bar) the window opens as large as the screen's
     * usable area instead, so its title bar and its Send button stay on the screen.
     */
    void restore(Stage stage) {
        double x = preferences.getDouble("x", Double.NaN);
        double y = preferences.getDouble("y", Double.NaN);
        List<Screen> remembered = Double.isNaN(x) || Double.isNaN(y) ? List.of()
                : Screen.getScreensForRectangle(new Rectangle2D(x, y, width(), height()));
        boolean placed = !remembered.isEmpty();
        Rectangle2D usable = HEADLESS ? UNBOUNDED
                : (placed ? remembered.getFirst() : Screen.getPrimary()).getVisualBounds();
        Rectangle2D fitted = fit(width(), height(), placed ? x : usable.getMinX(), placed ? y : usable.getMinY(),
                usable);
        stage.setMinWidth(Math.min(MIN_WIDTH, usable.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, usable.getHeight()));
        stage.setWidth(fitted.getWidth());
        stage.setHeight(fitted.getHeight());
        // A window that fits and has no remembered place is centred by JavaFX; one shrunk to the screen fills it.
        if (placed || fitted.getWidth() < width() || fitted.getHeight() < height()) {
            stage.setX(fitted.getMinX());
            stage.setY(fitted.getMinY());
        }
        stage.setMaximized(preferences.getBoolean("maximized", false));
    }

    /**
     * A window of {@code width} × {@code height} at ({@code x}, {@code y}), shrunk to the {@code usable} area where it
     * is larger and moved inside it where it sticks out.
     */
    static Rectangle2D fit(double width, double height, double x, double y, Rectangle2D usable) {
        double fittedWidth = Math.min(width, usable.getWidth());
        double fittedHeight = Math.min(height, usable.getHeight());
        double fittedX = Math.clamp(x, usable.getMinX(), usable.getMaxX() - fittedWidth);
        double fittedY = Math.clamp(y, usable.getMinY(), usable.getMaxY() - fittedHeight);
        return new Rectangle2D(fittedX, fittedY, fittedWidth, fittedHeight);
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
