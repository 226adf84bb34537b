package com.socketworkbench.ui.theme;

import com.socketworkbench.app.FxWatchdog;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.Styles;
import javafx.application.ColorScheme;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Locale;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Themes on a real (headless) scene: the saved choice, the system's scheme followed live, the menu, dialogs. */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(30)
class ThemeFxTest {
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private final ObjectProperty<ColorScheme> system = new SimpleObjectProperty<>(ColorScheme.LIGHT);
    private Stage stage;
    private Scene scene;
    private Label error;
    private ThemeController controller;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        error = new Label("Port must be 0 to 65535");
        error.getStyleClass().add("field-error");
        scene = new Scene(new VBox(error), 300, 100);
        scene.getStylesheets().add(Styles.COMMON);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void dispose() {
        if (controller != null) {
            fxRun(controller::dispose);
        }
    }

    @Test
    void theSavedChoiceIsShownAndANewOneIsShownAndSaved() {
        preferences.put(ThemeController.KEY, "dark");
        controller = fx(() -> new ThemeController(preferences, system));
        fxRun(() -> controller.attach(scene));
        assertEquals(Theme.DARK, controller.choice());
        assertShows(Theme.DARK);

        fxRun(() -> controller.select(Theme.LIGHT));
        assertEquals("light", preferences.get(ThemeController.KEY, ""));
        assertShows(Theme.LIGHT);
        assertEquals(List.of(Styles.COMMON), fx(() -> List.copyOf(scene.getStylesheets())), "the dark sheet is gone");
    }

    @Test
    void followTheSystemSwitchesLiveUntilDisposed() {
        controller = fx(() -> new ThemeController(preferences, system));
        fxRun(() -> controller.attach(scene));
        assertEquals(Theme.SYSTEM, controller.choice(), "a new user follows the system");
        assertShows(Theme.LIGHT);

        fxRun(() -> system.set(ColorScheme.DARK));
        assertEquals(Theme.DARK, controller.effective());
        assertShows(Theme.DARK);

        fxRun(controller::dispose);
        fxRun(() -> system.set(ColorScheme.LIGHT));
        assertShows(Theme.DARK);
        assertEquals(Theme.DARK, controller.effective(), "the listener is gone after dispose");
    }

    @Test
    void aChosenThemeIgnoresTheSystem() {
        controller = fx(() -> new ThemeController(preferences, system));
        fxRun(() -> {
            controller.attach(scene);
            controller.select(Theme.DARK);
            system.set(ColorScheme.DARK);
            system.set(ColorScheme.LIGHT);
        });
        assertShows(Theme.DARK);
        assertEquals("dark", preferences.get(ThemeController.KEY, ""));
    }

    @Test
    void theRealPlatformSchemeResolvesToLightOrDark() {
        controller = fx(() -> new ThemeController(preferences));
        assertNotEquals(Theme.SYSTEM, controller.effective());
    }

    @Test
    void anUnknownSavedValueFollowsTheSystem() {
        assertEquals(Theme.SYSTEM, Theme.fromKey("sepia"));
        assertEquals(Theme.SYSTEM, Theme.fromKey(null));
        assertEquals(Theme.DARK, Theme.fromKey(" Dark "));
    }

    @Test
    void theMenuMarksTheChoiceAndChoosesThemes() {
        controller = fx(() -> new ThemeController(preferences, system));
        fxRun(() -> controller.attach(scene));
        Menu menu = fx(() -> ThemeMenu.create(controller));
        assertEquals("themeMenu", menu.getId());
        assertEquals("Theme", menu.getText());
        assertEquals(List.of("theme-light", "theme-dark", "theme-system"),
                menu.getItems().stream().map(MenuItem::getId).toList());
        assertEquals(List.of("Light", "Dark", "Follow System"),
                menu.getItems().stream().map(MenuItem::getText).toList());
        assertTrue(item(menu, "theme-system").isSelected());

        fxRun(() -> item(menu, "theme-dark").fire());
        assertEquals(Theme.DARK, controller.choice());
        assertEquals("dark", preferences.get(ThemeController.KEY, ""));
        assertShows(Theme.DARK);
        assertTrue(item(menu, "theme-dark").isSelected());
        assertFalse(item(menu, "theme-system").isSelected());

        fxRun(() -> controller.select(Theme.LIGHT));
        assertTrue(item(menu, "theme-light").isSelected(), "the marks follow a choice made elsewhere");
    }

    @Test
    void theMenuSpeaksChinese() {
        controller = fx(() -> new ThemeController(preferences, system));
        try {
            Texts.use(Locale.SIMPLIFIED_CHINESE);
            Menu menu = fx(() -> ThemeMenu.create(controller));
            assertEquals("主题", menu.getText());
            assertEquals(List.of("浅色", "深色", "跟随系统"), menu.getItems().stream().map(MenuItem::getText).toList());
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }

    /** The app's alerts (app.FxWindowDialogs) are owned by the window: JavaFX binds their stylesheets to its scene. */
    @Test
    void aDialogOwnedByTheWindowFollowsItsTheme() {
        preferences.put(ThemeController.KEY, "dark");
        controller = fx(() -> new ThemeController(preferences, system));
        fxRun(() -> controller.attach(scene));
        Alert alert = fx(() -> {
            Alert owned = new Alert(Alert.AlertType.INFORMATION);
            owned.initOwner(stage);
            return owned;
        });
        assertEquals(colour(Theme.DARK, "-sw-bg"), background(alert));

        fxRun(() -> controller.select(Theme.LIGHT));
        assertEquals(colour(Theme.LIGHT, "-sw-bg"), background(alert), "an open dialog switches with the window");
    }

    private static Paint background(Alert alert) {
        return fx(() -> {
            alert.getDialogPane().applyCss();
            return alert.getDialogPane().getBackground().getFills().getFirst().getFill();
        });
    }

    /** The label's text and the window's background are the theme's, read from the stylesheets' own variables. */
    private void assertShows(Theme theme) {
        assertEquals(theme == Theme.DARK, fx(() -> ThemeStyles.isDark(scene)));
        Paint text = fx(() -> {
            scene.getRoot().applyCss();
            return error.getTextFill();
        });
        assertEquals(colour(theme, "-sw-danger"), text, theme + " error text");
        assertEquals(colour(theme, "-sw-bg"), fx(() -> ((Region) scene.getRoot()).getBackground().getFills()
                .getFirst().getFill()), theme + " window background");
    }

    private static Color colour(Theme theme, String variable) {
        return ThemeContrastTest.palette(theme).resolve(variable);
    }

    private static RadioMenuItem item(Menu menu, String id) {
        return (RadioMenuItem) menu.getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow();
    }
}
