package com.socketworkbench.app;

import com.socketworkbench.ui.tab.TabFactory;

import java.util.Objects;

/**
 * One kind of tab the window can open.
 *
 * @param id           the kind's id in workspace files and automation ids ({@code tcpClient}); also the fx:id of the
 *                     view root of every tab of this kind
 * @param title        the header text of the first tab of the kind ("TCP Client"); later ones add a number
 * @param factory      builds one tab from its context
 * @param several      whether the window may hold more than one tab of this kind at once
 */
record TabKind(String id, String title, TabFactory factory, boolean several) {
    TabKind {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(factory, "factory");
    }
}
