package com.socketworkbench.ui.tools;

import com.socketworkbench.ui.tab.Styles;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabView;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;

/**
 * The Tools tab's layout (root id {@code tools}): a navigation list of tools ({@code #toolsNav}) on the left and
 * the selected tool's card on the right. Cards are built once and swapped, so their inputs survive switching.
 * Every tool reports its errors inline, next to the input they concern, so the tab needs no notification bar.
 */
public final class ToolsView implements TabView {
    private final ListView<Tool> nav = new ListView<>(FXCollections.observableArrayList(Tool.values()));
    private final Map<Tool, Node> cards = new EnumMap<>(Tool.class);
    private final BorderPane root = new BorderPane();

    public ToolsView(ToolsViewModel model, Subscriptions subscriptions) {
        cards.put(Tool.THIS_HOST, new HostInfoCard(model.hostInfo(), subscriptions).view());
        cards.put(Tool.RESOLVE, new ResolveCard(model.resolve(), subscriptions).view());
        cards.put(Tool.SERVICES, new ServicesCard(model.services(), subscriptions).view());
        cards.put(Tool.CONVERTER, new ConverterCard(model.converter(), subscriptions).view());
        cards.put(Tool.SUBNET, new SubnetCard(model.subnet(), subscriptions).view());
        cards.put(Tool.PORT_CHECK, new PortCheckCard(model.portCheck(), subscriptions)
                .view());

        nav.setId("toolsNav");
        nav.getStyleClass().add("tools-nav");
        nav.setCellFactory(list -> new ToolCell());
        nav.setPrefWidth(230);
        nav.setMinWidth(200);

        root.getStyleClass().addAll("tab-content", "tools-content");
        root.setLeft(nav);
        subscriptions.subscribe(model.selectedProperty(), tool -> {
            Node card = cards.get(tool);
            root.setCenter(card);
            // Skin the card now rather than on the next pulse, so its nodes can be looked up at once (the card
            // is a ScrollPane: until skinned, its content is not part of the scene graph's children).
            card.applyCss();
            if (nav.getSelectionModel().getSelectedItem() != tool) {
                nav.getSelectionModel().select(tool);
            }
        });
        subscriptions.subscribe(nav.getSelectionModel().selectedItemProperty(), tool -> {
            if (tool != null) {
                model.selectedProperty().set(tool);
            }
        });

        root.setId("tools");
        Styles.apply(root, ToolsView.class, "tools.css");
    }

    /** The card of {@code tool} (built once, shown when selected). */
    public Node card(Tool tool) {
        return cards.get(tool);
    }

    @Override
    public BorderPane view() {
        return root;
    }

    /** A tool's title over its one-line summary. */
    private static final class ToolCell extends ListCell<Tool> {
        private final Label title = new Label();
        private final Label summary = new Label();
        private final VBox box = new VBox(1, title, summary);

        ToolCell() {
            title.getStyleClass().add("tools-nav-title");
            summary.getStyleClass().add("tools-nav-summary");
            summary.setWrapText(true);
            box.getStyleClass().add("tools-nav-cell");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Tool tool, boolean empty) {
            super.updateItem(tool, empty);
            if (empty || tool == null) {
                setGraphic(null);
            } else {
                title.setText(tool.title());
                summary.setText(tool.summary());
                setGraphic(box);
            }
        }
    }
}
