package com.socketworkbench.ui.theme;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The window's theme: the user's choice (View → Theme, kept under {@value #KEY} in the user's preferences, not in a
 * workspace) and the colours it resolves to. With {@link Theme#SYSTEM} it follows the operating system's light or dark
 * setting live ({@link Platform#getPreferences()}); {@link #dispose()} removes that listener. One per window, made on
 * the FX thread after the toolkit started:
 * <pre>{@code
 * themes = new ThemeController(preferences);           // the user's preferences node
 * themes.attach(scene);                                 // after the scene has ui/tab/workbench.css
 * viewMenu.getItems().add(ThemeMenu.create(themes));    // View -> Theme
 * themes.dispose();                                     // when the window closes
 * }</pre>
 */
public final class ThemeController {
    /** The preference key; its value is a {@link Theme#key()}. */
    public static final String KEY = "theme";
    private static final Logger LOG = LoggerFactory.getLogger(ThemeController.class);

    private final AppPreferences preferences;
    private final ObservableValue<ColorScheme> systemScheme;
    private final ReadOnlyObjectWrapper<Theme> choice = new ReadOnlyObjectWrapper<>(this, "choice");
    private final ReadOnlyObjectWrapper<Theme> effective = new ReadOnlyObjectWrapper<>(this, "effective");
    private final List<Scene> scenes = new ArrayList<>();
    private final Subscriptions subscriptions = new Subscriptions();

    /** Reads the saved choice from {@code preferences} and follows the platform's colour scheme. */
    public ThemeController(AppPreferences preferences) {
        this(preferences, Platform.getPreferences().colorSchemeProperty());
    }

    /** Like {@link #ThemeController(AppPreferences)} with the system's scheme given (tests stand in for the OS). */
    public ThemeController(AppPreferences preferences, ObservableValue<ColorScheme> systemScheme) {
        this.preferences = preferences;
        this.systemScheme = systemScheme;
        choice.set(Theme.fromKey(preferences.get(KEY, Theme.SYSTEM.key())));
        effective.set(resolve());
        subscriptions.listen(systemScheme, (observable, before, now) -> refresh());
    }

    /** Styles {@code scene} with the current theme now and whenever it changes, until {@link #dispose()}. */
    public void attach(Scene scene) {
        if (!scenes.contains(scene)) {
            scenes.add(scene);
        }
        ThemeStyles.apply(scene.getStylesheets(), effective.get());
    }

    /** The user's choice: shows it at once and keeps it in the preferences. */
    public void select(Theme theme) {
        if (theme == null || theme == choice.get()) {
            return;
        }
        choice.set(theme);
        preferences.put(KEY, theme.key());
        preferences.flush();
        LOG.debug("Theme {} chosen", theme);
        refresh();
    }

    /** What the user chose (SYSTEM included). */
    public ReadOnlyObjectProperty<Theme> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    public Theme choice() {
        return choice.get();
    }

    /** What the window shows: LIGHT or DARK, never SYSTEM. */
    public ReadOnlyObjectProperty<Theme> effectiveProperty() {
        return effective.getReadOnlyProperty();
    }

    public Theme effective() {
        return effective.get();
    }

    /** Calls {@code action} with the choice now and at every change, until {@link #dispose()} (the menu's marks). */
    void onChoice(Consumer<Theme> action) {
        subscriptions.subscribe(choice, action);
    }

    /** Stops following the system and forgets the scenes; they keep the colours they have. */
    public void dispose() {
        subscriptions.dispose();
        scenes.clear();
    }

    private void refresh() {
        effective.set(resolve());
        for (Scene scene : scenes) {
            ThemeStyles.apply(scene.getStylesheets(), effective.get());
        }
    }

    private Theme resolve() {
        if (choice.get() != Theme.SYSTEM) {
            return choice.get();
        }
        return systemScheme.getValue() == ColorScheme.DARK ? Theme.DARK : Theme.LIGHT;
    }
}
