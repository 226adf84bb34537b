package com.socketworkbench.app;

import com.socketworkbench.ui.tab.TabFactory;

import java.util.Objects;

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
}
