package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.function.Supplier;

/**
 * A place in a layout for a panel that is hidden most of the time (TLS settings, framing parameters, split send):
 * the panel is built the first time its condition holds, then shown and hidden as the condition says. Start-up
 * styles and lays out what the first frame shows; a panel nobody opens costs no nodes, skins or CSS.
 */
public final class LazyPanel {
    private LazyPanel() {
    }

    /**
     * An empty holder that takes no room while {@code condition} is false; the first time it is true, {@code build}
     * makes the panel (on the FX thread, as the condition changes there) and the holder shows it from then on. The
     * panel's own visibility follows the condition too, so a lookup of its id sees what the user sees.
     */
    public static Node showWhen(Supplier<? extends Node> build, ObservableBooleanValue condition,
                                Subscriptions subscriptions) {
        StackPane holder = new StackPane();
        holder.getStyleClass().add("lazy-panel");
        holder.setAlignment(Pos.TOP_LEFT);
        TabLayout.showWhen(holder, condition, subscriptions);
        subscriptions.subscribe(holder.visibleProperty(), shown -> {
            if (shown && holder.getChildren().isEmpty()) {
                Node panel = build.get();
                subscriptions.bind(panel.visibleProperty(), holder.visibleProperty());
                holder.getChildren().add(panel);
            }
        });
        return holder;
    }
}
