package com.socketworkbench.ui.theme;

import com.socketworkbench.engine.text.Texts;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

import java.util.EnumMap;
import java.util.Map;

/**
 * View → Theme ({@code #themeMenu}): Light ({@code #theme-light}), Dark ({@code #theme-dark}) and Follow System
 * ({@code #theme-system}), one of them marked. Choosing one switches the window at once and is remembered.
 */
public final class ThemeMenu {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.theme.theme");

    private ThemeMenu() {
    }

    /** The submenu over {@code controller}; its marks follow the controller's choice until the controller is disposed. */
    public static Menu create(ThemeController controller) {
        Menu menu = new Menu(TEXT.get("menu.theme"));
        menu.setId("themeMenu");
        ToggleGroup group = new ToggleGroup();
        Map<Theme, RadioMenuItem> items = new EnumMap<>(Theme.class);
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(TEXT.get("menu.theme." + theme.key()));
            item.setId("theme-" + theme.key());
            item.setToggleGroup(group);
            // A radio item deselected by a second click would leave no mark: put the choice back.
            item.setOnAction(event -> {
                controller.select(theme);
                items.get(controller.choice()).setSelected(true);
            });
            items.put(theme, item);
            menu.getItems().add(item);
        }
        controller.onChoice(theme -> items.get(theme).setSelected(true));
        return menu;
    }
}
