package com.socketworkbench.app;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.TabFactory;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * One kind of tab the window can open.
 *
 * @param id           the kind's id in workspace files and automation ids ({@code tcpClient}); also the fx:id of the
 *                     view root of every tab of this kind
 * @param title        the header text of the first tab of the kind in English ("TCP Client"); later ones add a
 *                     number. {@link #title()} reads it from the app bundle ({@code tab.kind.ID}) when it is there
 * @param factory      builds one tab from its context
 * @param several      whether the window may hold more than one tab of this kind at once
 */
record TabKind(String id, String title, TabFactory factory, boolean several) {
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,3}");

    TabKind {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(factory, "factory");
    }

    /** The kind's name in the language in use ("TCP 客户端"); the English one given when the bundle has none. */
    @Override
    public String title() {
        String key = "tab.kind." + id;
        return AppTexts.TEXT.has(key) ? AppTexts.TEXT.get(key) : title;
    }

    /**
     * The title to show for a tab of this kind saved as {@code saved}: the kind's default name in any language
     * ("TCP Server", "TCP 服务器 2") becomes the name in the language in use, so a workspace made before a language
     * switch does not keep the old language's headers; a title the user gave is kept as it is.
     */
    String shownTitle(String saved) {
        for (Locale locale : Texts.SUPPORTED) {
            String name = defaultName(locale);
            if (saved.equals(name)) {
                return title();
            }
            if (saved.startsWith(name + " ") && NUMBER.matcher(saved.substring(name.length() + 1)).matches()) {
                return AppTexts.TEXT.get("tab.title.numbered", title(), saved.substring(name.length() + 1));
            }
        }
        return saved;
    }

    private String defaultName(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(AppTexts.TEXT.baseName(), locale,
                TabKind.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = "tab.kind." + id;
        return bundle.containsKey(key) ? bundle.getString(key) : title;
    }
}
