package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.fx.Subscriptions;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Arrays;

/**
 * A socket tab's side panel (messages, rules, periodic send, send file): opened by a toggle beside Send, added as the last item
 * of the tab's horizontal split, one side panel at a time, scrolling in a short window.
 */
public final class SidePanels {
    private SidePanels() {
    }

    /** A small toggle for the column under Send. */
    public static ToggleButton toggle(String id, String text, String tooltip) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.getStyleClass().add("small-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setMaxWidth(Double.MAX_VALUE);
        toggle.setTooltip(new Tooltip(tooltip));
        return toggle;
    }

    /**
     * The toggles after {@code first} (the messages panel's Save… and Messages) in one row under Send: a second row
     * would make the send editor taller, which a 640-pixel window has no room for.
     */
    public static Node row(Node first, ToggleButton... toggles) {
        HBox row = new HBox(4, first);
        row.getChildren().addAll(toggles);
        HBox.setHgrow(first, Priority.ALWAYS);
        for (ToggleButton toggle : toggles) {
            HBox.setHgrow(toggle, Priority.ALWAYS);
        }
        return row;
    }

    /** The panel's root: {@code content} scrolling up and down, {@code width} wide. */
    public static ScrollPane scrolling(String id, Node content, double width) {
        ScrollPane root = new ScrollPane(content);
        root.setId(id);
        root.getStyleClass().add("messages-panel");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setPrefWidth(width);
        root.setMinViewportWidth(width - 20);
        return root;
    }

    /** A title, and ✕ ({@code closeId}) that deselects {@code toggle}. */
    public static Node header(String title, String closeId, String closeTooltip, ToggleButton toggle) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        Button close = new Button("✕");
        close.setId(closeId);
        close.getStyleClass().add("small-button");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setTooltip(new Tooltip(closeTooltip));
        close.setAccessibleText(closeTooltip);
        close.setOnAction(event -> toggle.setSelected(false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, label, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("section-header");
        return header;
    }

    /**
     * Makes {@code root} the last item of {@code split} while {@code toggle} is selected, keeping the other dividers
     * where they are.
     */
    public static void attach(SplitPane split, Region root, ToggleButton toggle, double width,
                              Subscriptions subscriptions) {
        attach(split, root, toggle, width, 0.45, subscriptions);
    }

    /** As {@link #attach(SplitPane, Region, ToggleButton, double, Subscriptions)}, leaving the rest at least
     * {@code restAtLeast} of the split's width. */
    public static void attach(SplitPane split, Region root, ToggleButton toggle, double width, double restAtLeast,
                              Subscriptions subscriptions) {
        SplitPane.setResizableWithParent(root, false);
        subscriptions.subscribe(toggle.selectedProperty(), open -> {
            if (open && !split.getItems().contains(root)) {
                double[] positions = split.getDividerPositions();
                split.getItems().add(root);
                double splitWidth = split.getWidth();
                double[] next = Arrays.copyOf(positions, positions.length + 1);
                next[positions.length] = splitWidth > 0 ? Math.max(restAtLeast, 1 - width / splitWidth) : 0.7;
                split.setDividerPositions(next);
            } else if (!open) {
                split.getItems().remove(root);
            }
        });
    }

    /** Opening {@code toggle}'s panel closes each of {@code others}' and the other way round. */
    public static void oneAtATime(ToggleButton toggle, Subscriptions subscriptions, ToggleButton... others) {
        for (ToggleButton other : others) {
            subscriptions.subscribe(toggle.selectedProperty(), open -> {
                if (open) {
                    other.setSelected(false);
                }
            });
            subscriptions.subscribe(other.selectedProperty(), open -> {
                if (open) {
                    toggle.setSelected(false);
                }
            });
        }
    }
}
