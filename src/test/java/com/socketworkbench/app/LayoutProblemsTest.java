package com.socketworkbench.app;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layout check of {@link WindowFitTest} sees what it is meant to see, and nothing in a row that fits. */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(30)
class LayoutProblemsTest {
    private final HBox row = new HBox(8);
    private Scene scene;

    /** The row lives in a 120 px wide box that clips it, whatever size the shared test stage has. */
    @Start
    void start(Stage stage) {
        StackPane box = new StackPane(row);
        box.setMaxSize(120, 40);
        box.setClip(new Rectangle(120, 40));
        StackPane root = new StackPane(box);
        root.setAlignment(Pos.TOP_LEFT);
        scene = new Scene(root, 200, 100);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aCutButtonAControlWithoutWidthAndOneBeyondTheWindowAreFound() {
        fxRun(() -> {
            Label squeezed = new Label("gone");
            squeezed.setMinWidth(0);
            squeezed.setMaxWidth(0);
            Button wide = new Button("Beyond the edge");
            wide.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().setAll(new Button("Apply these options"), squeezed, wide);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        List<String> problems = fx(() -> LayoutProblems.of(scene));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Button 'Apply these options'")
                && p.contains(" shows \"")), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.equals("Label 'gone' has zero width")),
                String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Button 'Beyond the edge'")
                && p.contains("cut off at the side")), String.join("\n", problems));
    }

    @Test
    void aRowThatFitsHasNoProblems() {
        fxRun(() -> {
            row.getChildren().setAll(new Button("OK"), new Label(""));
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        assertEquals(List.of(), fx(() -> LayoutProblems.of(scene)));
    }
}
