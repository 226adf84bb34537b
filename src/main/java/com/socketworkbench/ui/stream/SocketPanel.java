package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Arrays;

/**
 * A side panel ({@code socketPanel}) with a socket's options (requested and granted, {@link SocketOptionsPane}) and
 * its details ({@link ConnectionDetailsPane}), opened and closed with {@link #toggle()} ({@code socketPanelToggle}).
 * A refresh button ({@code refreshSocketPanel}) asks the tab to read both again. The tab places {@link #view()}
 * beside its traffic area and shows it while {@link #toggle()} is selected.
 */
public final class SocketPanel {
    public static final double WIDTH = 400;

    private final ToggleButton toggle = new ToggleButton(StreamText.TEXT.get("panel.toggle"));
    private final VBox content;
    private final ScrollPane root;
    private final Runnable onRefresh;

    public SocketPanel(SocketOptionsPane options, ConnectionDetailsPane details, Runnable onRefresh) {
        this.onRefresh = onRefresh;
        toggle.setId("socketPanelToggle");
        toggle.getStyleClass().add("small-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(toggle, StreamText.TEXT.get("panel.toggle.tooltip"));

        Label title = new Label(StreamText.TEXT.get("panel.title"));
        title.getStyleClass().add("section-title");
        Button refresh = new Button(StreamText.TEXT.get("panel.refresh"));
        refresh.setId("refreshSocketPanel");
        refresh.getStyleClass().add("small-button");
        Tips.install(refresh, StreamText.TEXT.get("panel.refresh.tooltip"));
        refresh.setOnAction(event -> onRefresh.run());
        Button close = new Button("✕");
        close.getStyleClass().add("small-button");
        Tips.install(close, StreamText.TEXT.get("panel.close.tooltip"));
        close.setAccessibleText(StreamText.TEXT.get("panel.close.tooltip"));
        close.setOnAction(event -> toggle.setSelected(false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, refresh, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("section-header");

        TitledPane optionsSection = new TitledPane(StreamText.TEXT.get("panel.options"), options.view());
        optionsSection.getStyleClass().add("socket-section");
        TitledPane detailsSection = new TitledPane(StreamText.TEXT.get("panel.details"), details.view());

        detailsSection.getStyleClass().add("socket-section");
        content = new VBox(header, optionsSection, detailsSection);
        content.getStyleClass().add("socket-panel-content");

        root = new ScrollPane(content);
        root.setId("socketPanel");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStyleClass().add("socket-panel");
        root.setPrefWidth(WIDTH);
    }

    /**
     * Makes the panel the last item of {@code split} while the toggle is selected (keeping the other dividers where
     * they are) and reads the socket again whenever it opens.
     */
    public void attachTo(SplitPane split, Subscriptions subscriptions) {
        SplitPane.setResizableWithParent(root, false);
        // The panel never scrolls sideways, so it may not get narrower than its content needs: the split pane then
        // takes the room from the traffic area instead of cutting the Apply button or a granted value. Read after
        // each layout of the content; setting an unchanged value triggers no new layout.
        subscriptions.subscribe(content.needsLayoutProperty(), dirty -> {
            if (!dirty) {
                root.setMinViewportWidth(content.minWidth(-1));
            }
        });
        subscriptions.subscribe(toggle.selectedProperty(), open -> {
            if (open && !split.getItems().contains(root)) {
                double[] positions = split.getDividerPositions();
                split.getItems().add(root);
                double width = split.getWidth();
                double[] next = Arrays.copyOf(positions, positions.length + 1);
                next[positions.length] = width > 0 ? Math.max(0.45, 1 - WIDTH / width) : 0.68;
                split.setDividerPositions(next);
                onRefresh.run();
            } else if (!open) {
                split.getItems().remove(root);
            }
        });
    }

    public ToggleButton toggle() {
        return toggle;
    }

    public Node view() {
        return root;
    }
}
