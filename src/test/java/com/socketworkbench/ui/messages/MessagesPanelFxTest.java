package com.socketworkbench.ui.messages;

import com.socketworkbench.app.FxWatchdog;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.Styles;
import com.socketworkbench.ui.traffic.SendEditorModel;
import com.socketworkbench.workspace.MessagesJson;
import com.socketworkbench.workspace.SavedMessage;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The panel's controls on a live FX thread, on its own: import and export through a file chooser the test replaces
 * (the system dialog cannot be driven headless), and the list's keyboard (Enter sends, Alt+Down moves, Delete
 * deletes and Undo brings back).
 */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(60)
class MessagesPanelFxTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private final MessageLibrary library = new MessageLibrary();
    private final List<byte[]> sent = new ArrayList<>();
    private final ChosenFiles files = new ChosenFiles();
    private MessagesPanel panel;

    /** Answers every dialog with the path the test set. */
    private static final class ChosenFiles implements MessageFileChooser {
        volatile Path next;

        @Override
        public Optional<Path> chooseImport(Window owner) {
            return Optional.ofNullable(next);
        }

        @Override
        public Optional<Path> chooseExport(Window owner) {
            return Optional.ofNullable(next);
        }
    }

    @Start
    void start(Stage stage) {
        SendEditorModel editor = new SendEditorModel(subscriptions);
        editor.setSender(sent::add);
        panel = new MessagesPanel(new MessagesPanelModel(library, editor, new CurrentThreadUiExecutor(),
                subscriptions), files, subscriptions);
        // As in a tab: the panel beside, Save… and the toggle under the send editor (they carry Ctrl+1…9).
        BorderPane root = new BorderPane(panel.view(), null, null, panel.besideSend(), null);
        Styles.apply(root, MessagesPanelFxTest.class, null);
        stage.setScene(new Scene(root, MessagesPanel.WIDTH, 600));
        stage.show();
    }

    private static SavedMessage message(String name, String text) {
        return new SavedMessage(name, text, PayloadFormat.TEXT, "UTF-8", LineEnding.NONE, "");
    }

    private List<String> names() {
        return fx(() -> library.messages().stream().map(SavedMessage::name).toList());
    }

    private String status(FxRobot robot) {
        return fx(() -> robot.lookup("#messagesStatus").queryAs(Label.class).getText());
    }

    @Test
    void exportsAndImportsThroughTheChosenFiles(FxRobot robot, @TempDir Path folder) throws Exception {
        fxRun(() -> library.replaceAll(List.of(message("one", "1"), new SavedMessage("two", "02 03",
                PayloadFormat.HEX, "UTF-8", LineEnding.CRLF, "the second"))));
        Path file = folder.resolve("mine.json");
        files.next = file;
        robot.clickOn("#exportMessages");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Exported 2 messages to mine.json", status(robot));
        assertEquals(fx(library::snapshot), MessagesJson.read(Files.readString(file)));

        robot.clickOn("#importMessages");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("one", "two", "one (2)", "two (2)"), names());

        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, "{\"version\": 99, \"messages\": []}");
        files.next = bad;
        robot.clickOn("#importMessages");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(status(robot).startsWith("Nothing imported from bad.json: "), status(robot));
        assertTrue(fx(() -> robot.lookup("#messagesStatus").queryAs(Label.class).getStyleClass()
                .contains("field-error")));
        assertEquals(4, names().size());

        files.next = null;
        robot.clickOn("#importMessages");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, names().size(), "a cancelled dialog imports nothing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListsKeyboardSendsMovesDeletesAndUndoes(FxRobot robot) {
        fxRun(() -> library.replaceAll(List.of(message("a", "alpha"), message("b", "beta"), message("c", "gamma"))));
        WaitForAsyncUtils.waitForFxEvents();
        Node first = robot.lookup("#messageList .list-cell")
                .match((Node node) -> node instanceof ListCell<?> cell && cell.getItem() != null
                        && ((SavedMessage) cell.getItem()).name().equals("a")).query();
        robot.clickOn(first);
        robot.type(KeyCode.ENTER);
        assertEquals(1, sent.size());
        assertArrayEquals("alpha".getBytes(StandardCharsets.UTF_8), sent.getFirst());

        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("b", "a", "c"), names());
        assertEquals("a", fx(() -> ((ListView<SavedMessage>) robot.lookup("#messageList").query())
                .getSelectionModel().getSelectedItem().name()), "the moved message stays selected");

        robot.type(KeyCode.DELETE);
        assertEquals(List.of("b", "c"), names());
        assertTrue(fx(() -> robot.lookup("#undoDelete").query().isVisible()));
        robot.clickOn("#undoDelete");
        assertEquals(List.of("b", "a", "c"), names());
        assertFalse(fx(() -> robot.lookup("#undoDelete").query().isVisible()));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals("gamma".getBytes(StandardCharsets.UTF_8), sent.getLast());
    }
}
