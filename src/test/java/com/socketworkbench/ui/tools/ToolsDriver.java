package com.socketworkbench.ui.tools;

import com.socketworkbench.app.AppDriver;
import com.socketworkbench.app.Screenshots;
import com.socketworkbench.engine.tools.AddressLabel;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;

/** The real app with the Tools tab selected, plus look-ups scoped to it ("#tools #ipv4Input"). */
final class ToolsDriver {
    private final AppDriver app = new AppDriver();

    ToolsDriver launch() throws Exception {
        app.launch();
        app.selectTab("tools");
        return this;
    }

    void close() throws Exception {
        app.close();
    }

    AppDriver app() {
        return app;
    }

    ToolsTab tab() {
        return fx(() -> app.app().tabs().stream().filter(ToolsTab.class::isInstance).map(ToolsTab.class::cast)
                .findFirst().orElseThrow());
    }

    /** Selects {@code tool} in the navigation list, as a click would. */
    void show(Tool tool) {
        fxRun(() -> app.<ListView<Tool>>node("#tools #toolsNav").getSelectionModel().select(tool));
        WaitForAsyncUtils.waitForFxEvents();
    }

    void type(String id, String text) {
        app.setText("#tools #" + id, text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String id) {
        return app.text("#tools #" + id);
    }

    /** True when the node and all its ancestors are visible and it is in the scene. */
    boolean visible(String id) {
        return fx(() -> {
            Node node = app.node("#tools #" + id);
            if (node.getScene() == null) {
                return false;
            }
            for (Node current = node; current != null; current = current.getParent()) {
                if (!current.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    <T> List<T> rows(String id) {
        return fx(() -> List.copyOf(app.<TableView<T>>node("#tools #" + id).getItems()));
    }

    /** The facts shown under Classification, as the AddressLabels behind them. */
    List<AddressLabel> classification() {
        return fx(() -> app.<Pane>node("#tools #classifyResult").getChildren().stream()
                .map(Node::getUserData)
                .filter(AddressLabel.class::isInstance)
                .map(AddressLabel.class::cast)
                .toList());
    }

    void waitUntil(Callable<Boolean> condition) {
        app.waitUntil(condition);
    }

    /** Writes the window as {@code name} into the screenshots directory (system property screenshots.dir). */
    Path snapshot(String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        return Screenshots.write(app.stage().getScene(), name);
    }
}
