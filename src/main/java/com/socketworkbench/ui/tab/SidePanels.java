package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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

    /**
     * The panel's status line ({@code id}): {@code status}'s text, red for a refusal or failure, muted otherwise; it
     * takes no room while empty.
     */
    public static Label statusLabel(String id, PanelStatus status, Subscriptions subscriptions) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        subscriptions.bind(label.textProperty(), status.textProperty());
        subscriptions.subscribe(status.errorProperty(), error -> {
            label.getStyleClass().removeAll("field-error", "muted-label");
            label.getStyleClass().add(error ? "field-error" : "muted-label");
        });
        TabLayout.showWhen(label, Bindings.isNotEmpty(status.textProperty()), subscriptions);
        return label;
    }

    /** A panel's text field, {@code columns} wide, with its tooltip. */
    public static TextField field(String id, String tooltip, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        Tips.install(field, tooltip);
        return field;
    }

    /** A row of a panel's controls, vertically centred, none of them stretched. */
    public static HBox line(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node node : nodes) {
            HBox.setHgrow(node, Priority.NEVER);
        }
        return row;
    }

    /** Disables {@code nodes} while {@code condition} holds (a panel's settings while its run goes). */
    public static void disableWhile(ObservableBooleanValue condition, Subscriptions subscriptions, Node... nodes) {
        for (Node node : nodes) {
            subscriptions.bind(node.disableProperty(), BooleanExpression.booleanExpression(condition));
        }
    }

    /** A small toggle for the column under Send. */
    public static ToggleButton toggle(String id, String text, String tooltip) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.getStyleClass().add("small-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setMaxWidth(Double.MAX_VALUE);
        Tips.install(toggle, tooltip);
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
        Tips.install(close, closeTooltip);
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

    /** Opening the panel of any of {@code toggles} closes the others': a tab shows one side panel at a time. */
    public static void onlyOneOf(Subscriptions subscriptions, ToggleButton... toggles) {
        for (ToggleButton toggle : toggles) {
            subscriptions.subscribe(toggle.selectedProperty(), open -> {
                if (open) {
                    for (ToggleButton other : toggles) {
                        if (other != toggle) {
                            other.setSelected(false);
                        }
                    }
                }
            });
        }
    }
}
