package com.socketworkbench.ui.tab;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * Layout pieces the tab views share, so that their roots, settings bars, message rows, badges and Start/Stop
 * buttons look and behave alike. FX thread only.
 */
public final class TabLayout {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tab.tab");

    private TabLayout() {
    }

    /**
     * The root of a tab's view: the tab's id ({@code tcpClient}), the {@code tab-content} style, the shared and the
     * feature's stylesheet (next to {@code owner}), and its top, centre and bottom (each may be null).
     *
     * <p>They are added top first: the Tab key follows the order of the children, so it goes through the settings,
     * then the traffic, then the send editor, as the eye reads them.
     */
    public static BorderPane root(String id, Class<?> owner, String featureCss, Node top, Node center, Node bottom) {
        BorderPane root = new BorderPane();
        root.setTop(top);
        root.setCenter(center);
        root.setBottom(bottom);
        root.setId(id);
        root.getStyleClass().add("tab-content");
        Styles.apply(root, owner, featureCss);
        return root;
    }

    /**
     * The settings at the top of a tab, vertically centred in one row; in a narrow window they wrap onto a second
     * row instead of cutting a field, a button or the state badge.
     */
    public static FlowPane settingsBar(Node... nodes) {
        FlowPane bar = new FlowPane(12, 8, nodes);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setRowValignment(VPos.CENTER);
        bar.getStyleClass().add("settings-bar");
        return bar;
    }

    /**
     * A row of inline messages (field errors, warnings) under a bar, with the style {@code styleClass}, that takes
     * no room while none of them is visible. A field's own message ({@link FieldMessage}) floats beside its field
     * instead, so the row takes room only for the others (a send error, the stale socket offer).
     */
    public static FlowPane messageRow(String styleClass, Subscriptions subscriptions, Node... messages) {
        FlowPane row = new FlowPane(16, 4, messages);
        row.getStyleClass().add(styleClass);
        // Every shown and managed flag below the row counts: a box of messages (the TCP tabs') is shown while one
        // of its messages is, even after that message has left it to float.
        List<Observable> flags = new ArrayList<>();
        for (Node message : messages) {
            addFlags(message, flags);
        }
        showWhen(row, Bindings.createBooleanBinding(() -> holdsContent(row), flags.toArray(Observable[]::new)),
                subscriptions);
        return row;
    }

    private static void addFlags(Node node, List<Observable> into) {
        into.add(node.visibleProperty());
        into.add(node.managedProperty());
        if (node instanceof Pane box) {
            for (Node child : box.getChildren()) {
                addFlags(child, into);
            }
        }
    }

    /** Whether a shown node below {@code parent} takes room in it: not a floating message, not an empty box. */
    private static boolean holdsContent(Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (!child.isVisible() || !child.isManaged() || FieldMessage.isFloating(child)) {
                continue;
            }
            if (!(child instanceof Pane box) || holdsContent(box)) {
                return true;
            }
        }
        return false;
    }

    /** Shows {@code node}, and lets it take room, only while {@code condition} holds. */
    public static void showWhen(Node node, ObservableBooleanValue condition, Subscriptions subscriptions) {
        subscriptions.bind(node.visibleProperty(), BooleanExpression.booleanExpression(condition));
        subscriptions.bind(node.managedProperty(), node.visibleProperty());
    }

    /** An inline error ({@code field-error}, wrapping) that shows {@code text} and takes no room while it is empty. */
    public static Label errorLabel(String id, ObservableStringValue text, Subscriptions subscriptions) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        subscriptions.bind(label.textProperty(), text);
        showWhen(label, Bindings.isNotEmpty(text), subscriptions);
        return label;
    }

    /**
     * A rounded badge beside the Start or Connect button ("Listening on 127.0.0.1:5000"), muted while idle and
     * green and bold ({@code active}) while {@code active} holds.
     */
    public static Label stateBadge(String id, String styleClass, ObservableValue<String> text,
                                   ObservableBooleanValue active, Subscriptions subscriptions) {
        Label badge = new Label();
        badge.setId(id);
        badge.getStyleClass().addAll("state-badge", styleClass);
        subscriptions.bind(badge.textProperty(), text);
        subscriptions.subscribe(BooleanExpression.booleanExpression(active), on -> {
            badge.getStyleClass().remove("active");
            if (on) {
                badge.getStyleClass().add("active");
            }
        });
        return badge;
    }

    /**
     * The Start/Stop button ({@code startStop}) of a listening socket: "Start" (accent) while stopped and
     * {@code canStart}, "Stop" (danger) while running, disabled while starting or stopping.
     */
    public static Button startStopButton(ReadOnlyObjectProperty<ListenerState> state, ObservableBooleanValue canStart,
                                         Runnable toggle, String tooltip, Subscriptions subscriptions) {
        Button button = new Button(TEXT.get("startStop.start"));
        button.setId("startStop");
        button.getStyleClass().addAll("accent", "start-stop");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(event -> toggle.run());
        subscriptions.subscribe(state, now -> {
            button.setText(switch (now) {
                case STOPPED -> TEXT.get("startStop.start");
                case STARTING -> TEXT.get("startStop.starting");
                case RUNNING -> TEXT.get("startStop.stop");
                case STOPPING -> TEXT.get("startStop.stopping");
            });
            button.getStyleClass().removeAll("accent", "danger");
            button.getStyleClass().add(now == ListenerState.RUNNING ? "danger" : "accent");
        });
        subscriptions.bind(button.disableProperty(), Bindings.createBooleanBinding(() -> switch (state.get()) {
            case STOPPED -> !canStart.get();
            case RUNNING -> false;
            case STARTING, STOPPING -> true;
        }, state, canStart));
        Tips.install(button, tooltip);
        return button;
    }
}
