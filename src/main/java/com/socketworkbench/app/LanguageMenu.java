package com.socketworkbench.app;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

import java.util.Locale;
import java.util.function.Consumer;

import static com.socketworkbench.app.AppTexts.TEXT;

/**
 * View → Language ({@code #languageMenu}): follow the system ({@code #language-system}), English
 * ({@code #language-en}) or Simplified Chinese ({@code #language-zh-CN}). The choice is kept in the user's preferences
 * ({@link AppLanguage#KEY}), not in a workspace, and applies at the next start, which the menu's last line
 * ({@code #languageNote}) and the message after a choice say: the texts already on screen were made in the language
 * of this start.
 */
final class LanguageMenu {
    private final Menu menu = new Menu(TEXT.get("menu.view.language"));
    private final ToggleGroup group = new ToggleGroup();
    private final AppPreferences preferences;
    private final Consumer<String> tell;

    /** @param tell shows the window's message after a choice */
    LanguageMenu(AppPreferences preferences, Consumer<String> tell) {
        this.preferences = preferences;
        this.tell = tell;
        menu.setId("languageMenu");
        String saved = preferences.get(AppLanguage.KEY, AppLanguage.SYSTEM);
        String systemName = name(Texts.supported(Locale.getDefault()));
        menu.getItems().add(choice(AppLanguage.SYSTEM, TEXT.get("menu.view.language.system", systemName), saved));
        for (Locale locale : Texts.SUPPORTED) {
            menu.getItems().add(choice(locale.toLanguageTag(), name(locale), saved));
        }
        MenuItem note = new MenuItem(TEXT.get("menu.view.language.note"));
        note.setId("languageNote");
        note.setDisable(true);
        menu.getItems().addAll(new SeparatorMenuItem(), note);
    }

    Menu menu() {
        return menu;
    }

    /** Ticks the saved choice again (after the settings were reset: none saved, so System). */
    void showSaved() {
        String saved = preferences.get(AppLanguage.KEY, AppLanguage.SYSTEM).trim();
        for (MenuItem item : menu.getItems()) {
            if (item instanceof RadioMenuItem choice) {
                choice.setSelected(("language-" + saved).equalsIgnoreCase(choice.getId()));
            }
        }
    }

    /** A language named in its own words ("English", "简体中文"), the same whatever language the window speaks. */
    static String name(Locale locale) {
        return TEXT.get("language." + Texts.supported(locale).toLanguageTag());
    }

    private RadioMenuItem choice(String value, String text, String saved) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setId("language-" + value);
        item.setToggleGroup(group);
        item.setSelected(value.equalsIgnoreCase(saved.trim()));
        item.setOnAction(event -> {
            item.setSelected(true);
            choose(value);
        });
        return item;
    }

    private void choose(String value) {
        preferences.put(AppLanguage.KEY, value);
        preferences.flush();
        Locale next = AppLanguage.resolve(System.getProperty(AppLanguage.PROPERTY), value, Locale.getDefault());
        tell.accept(TEXT.get("language.changed", name(next)));
    }
}
