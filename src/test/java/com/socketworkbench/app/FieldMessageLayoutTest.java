package com.socketworkbench.app;

import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.input.BindChoice;
import com.socketworkbench.ui.stream.Transport;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.WorkbenchTab;
import com.socketworkbench.ui.theme.Theme;
import com.socketworkbench.ui.theme.ThemeController;
import com.socketworkbench.ui.tools.Tool;
import com.socketworkbench.ui.tools.ToolsTab;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A field's inline message appears without moving anything (issue 13): for every kind of field with a message in
 * every tab (port, host, bind address, Unix path, byte sizes, the deadline, the send editor's hex), bad input shows
 * the message, and no other visible control moves; the message is shown whole, inside the window and the tab, covers
 * no other control, and the field's accessible help says it. Good input hides it again. In the default and the
 * small window, in English and in Chinese, light and dark. With {@code -Dlayout.snapshots=DIR} each message is also
 * written as a PNG into DIR, to look at.
 */
@Timeout(180)
class FieldMessageLayoutTest {
    private final List<String> problems = new ArrayList<>();
    private AppDriver driver;
    private String variant;

    @AfterEach
    void close() throws Exception {
        try {
            if (driver != null) {
                driver.close();
            }
        } finally {
            // Texts' language is the whole JVM's: the tests after this one read English.
            Texts.use(Locale.ENGLISH);
        }
    }

    @ParameterizedTest(name = "{0}x{1} {2} {3}")
    @CsvSource({"1280, 800, en, light", "1024, 640, en, light", "1024, 640, zh-CN, dark", "1280, 800, zh-CN, dark"})
    void messagesAppearWithoutMovingAnything(int width, int height, String language, String theme) throws Exception {
        AppPreferences preferences = InMemoryPreferences.fresh();
        preferences.child("window").putDouble("width", width);
        preferences.child("window").putDouble("height", height);
        preferences.put(AppLanguage.KEY, language);
        preferences.put(ThemeController.KEY, (theme.equals("dark") ? Theme.DARK : Theme.LIGHT).key());
        driver = new AppDriver(preferences).launch();
        variant = width + "x" + height + "-" + language + "-" + theme;

        driver.selectTab("tcpServer");
        // The window's first error decoration wraps the scene's root in ControlsFX's decoration pane, which lays
        // everything out anew (a pixel may go either way): that happens once, before what is checked here.
        String port = driver.text("#tcpServer #port");
        driver.setText("#tcpServer #port", "x");
        driver.waitUntil(() -> fx(() -> driver.stage().getScene().getRoot().getClass().getSimpleName())
                .equals("DecorationPane"));
        driver.setText("#tcpServer #port", port);
        check("tcpServer", "port", "70000", "portMessage");
        check("tcpServer", "port", "80", "portMessage");
        check("tcpServer", "memoryBudget", "1 KiB", "memoryBudgetMessage");
        checkBindWarning("tcpServer");
        checkUnixPath("tcpServer");
        checkHex("tcpServer");

        driver.selectTab("tcpClient");
        check("tcpClient", "host", " ", "hostMessage");
        check("tcpClient", "port", "0", "portMessage");
        checkUnixPath("tcpClient");
        checkHex("tcpClient");

        driver.selectTab("udp");
        check("udp", "port", "70000", "portMessage");
        checkBindWarning("udp");
        check("udp", "targetHost", " ", "targetHostMessage");
        check("udp", "targetPort", "0", "targetPortMessage");
        checkHex("udp");

        driver.selectTab("http");
        check("http", "host", " ", "hostMessage");
        check("http", "port", "0", "portMessage");
        fxRun(() -> driver.<CheckBox>node("#http #deadlineOn").setSelected(true));
        check("http", "deadline", "0", "deadlineMessage");
        check("http", "historyMemoryBudget", "1 B", "historyMemoryBudgetMessage");
        check("http", "historyTempBudget", "lots", "historyTempBudgetMessage");

        driver.selectTab("tools");
        ToolsTab tools = (ToolsTab) fx(() -> driver.app().tabs().stream()
                .filter(tab -> tab.id().equals("tools")).findFirst().map(WorkbenchTab.class::cast).orElseThrow());
        fxRun(() -> tools.model().selectedProperty().set(Tool.PORT_CHECK));
        WaitForAsyncUtils.waitForFxEvents();
        check("tools", "portCheckHost", " ", "portCheckHostMessage");
        check("tools", "portCheckPort", "0", "portCheckPortMessage");

        assertTrue(problems.isEmpty(), problems.size() + " problems at " + variant + ":\n"
                + String.join("\n", problems));
    }

    /** Types {@code bad} into the field, checks its message and the layout, and types back what was there. */
    private void check(String tab, String field, String bad, String message) throws Exception {
        String good = driver.text("#" + tab + " #" + field);
        check(tab, field + " '" + bad + "'", message, () -> driver.setText("#" + tab + " #" + field, bad),
                () -> driver.setText("#" + tab + " #" + field, good));
    }

    /** The bind picker warns while a wildcard address is chosen. */
    private void checkBindWarning(String tab) throws Exception {
        ComboBox<BindChoice> combo = driver.node("#" + tab + " #bindAddress");
        BindChoice before = fx(combo::getValue);
        BindChoice wildcard = fx(() -> combo.getItems().stream().filter(BindChoice::wildcard).findFirst()
                .orElseThrow());
        check(tab, "bindAddress", "bindWarning", () -> fxRun(() -> combo.setValue(wildcard)),
                () -> fxRun(() -> combo.setValue(before)));
    }

    /** The Unix socket's path, empty: the transport switches first, so its fields are the ones on show. */
    private void checkUnixPath(String tab) throws Exception {
        ComboBox<Transport> transport = driver.node("#" + tab + " #transport");
        fxRun(() -> transport.setValue(Transport.UNIX));
        check(tab, "unixPath", "", "unixPathMessage");
        fxRun(() -> transport.setValue(Transport.TCP));
    }

    /** The send editor in hex with a digit that is none. */
    private void checkHex(String tab) throws Exception {
        ComboBox<PayloadFormat> format = driver.node("#" + tab + " #inputFormat");
        fxRun(() -> format.setValue(PayloadFormat.HEX));
        check(tab, "input", "zz", "inputMessage");
        fxRun(() -> format.setValue(PayloadFormat.TEXT));
    }

    private void check(String tab, String what, String message, Runnable bad, Runnable good) throws Exception {
        String field = what.split(" ")[0];
        String name = tab + " #" + what + " → #" + message;
        Node root = driver.node("#" + tab);
        settle();
        Map<Node, Bounds> before = fx(() -> controls(root));
        Map<Node, String> textsBefore = fx(() -> texts(before));
        List<String> layoutBefore = fx(() -> LayoutProblems.of(driver.stage().getScene()));

        bad.run();
        settle();
        settle();
        Label label = driver.node("#" + tab + " #" + message);
        Node input = driver.node("#" + tab + " #" + field);
        Map<Node, Bounds> after = fx(() -> controls(root));
        fx(() -> {
            String text = label.getText();
            if (text == null || text.isEmpty() || !isShown(label)) {
                problems.add(name + ": no message shown");
                return null;
            }
            if (!text.equals(input.getAccessibleHelp())) {
                problems.add(name + ": the field's accessible help is '" + input.getAccessibleHelp()
                        + "', not its message '" + text + "'");
            }
            Bounds at = label.localToScene(label.getLayoutBounds());
            Bounds area = root.localToScene(root.getLayoutBounds());
            Bounds window = driver.stage().getScene().getRoot().getLayoutBounds();
            if (!contains(area, at) || !contains(window, at)) {
                problems.add(name + ": the message " + describe(at) + " is cut by the tab " + describe(area));
            }
            String shown = LayoutProblems.shownText(label);
            if (shown != null && !shown.equals(text)) {
                problems.add(name + ": the message shows '" + shown + "' instead of '" + text + "'");
            }
            for (Map.Entry<Node, Bounds> control : after.entrySet()) {
                if (control.getKey() != label && !isContainer(control.getKey())
                        && control.getValue().getWidth() > 0 && control.getValue().getHeight() > 0
                        && control.getValue().intersects(at)) {
                    problems.add(name + ": the message " + describe(at) + " covers "
                            + describe(control.getKey()) + " " + describe(control.getValue()));
                }
            }
            for (Map.Entry<Node, Bounds> control : before.entrySet()) {
                Bounds now = after.get(control.getKey());
                Bounds then = control.getValue();
                if (now == null && (control.getKey() instanceof Label gone && gone.getText().isEmpty()
                        || control.getKey() instanceof Text goneText && goneText.getText().isEmpty())) {
                    continue; // its own text went (the UDP tab's size of a datagram that cannot be built)
                }
                if (now != null && tab.equals("udp") && field.equals("input")
                        && isIn(control.getKey(), "udp-target-bar")) {
                    // Bad hex empties the datagram size at the end of the target bar, and in a small window the
                    // bar's squeezed fields widen into the room it leaves: the bar's own doing, not the message's.
                    continue;
                }
                if (now == null) {
                    problems.add(name + ": " + describe(control.getKey()) + " disappeared");
                } else if (Math.abs(now.getMinX() - then.getMinX()) > 0.5
                        || Math.abs(now.getMinY() - then.getMinY()) > 0.5
                        || Math.abs(now.getHeight() - then.getHeight()) > 0.5) {
                    problems.add(name + ": " + describe(control.getKey()) + " moved from " + describe(then)
                            + " to " + describe(now) + textsChanged(textsBefore, texts(after)));
                }
            }
            for (String problem : LayoutProblems.of(driver.stage().getScene())) {
                if (!layoutBefore.contains(problem)) {
                    problems.add(name + ": " + problem);
                }
            }
            return null;
        });
        String dir = System.getProperty("layout.snapshots");
        if (dir != null) {
            Screenshots.writeTo(driver.stage().getScene(), Path.of(dir, "message-" + variant + "-" + tab + "-"
                    + what.replaceAll("[^A-Za-z0-9]+", "-") + ".png"));
        }

        good.run();
        settle();
        if (fx(() -> isShown(label) && !label.getText().isEmpty())) {
            problems.add(name + ": the message stays after good input: '" + driver.text("#" + tab + " #" + message)
                    + "'");
        }
    }

    private static Map<Node, String> texts(Map<Node, Bounds> controls) {
        Map<Node, String> texts = new IdentityHashMap<>();
        controls.keySet().stream().filter(Labeled.class::isInstance)
                .forEach(node -> texts.put(node, ((Labeled) node).getText()));
        return texts;
    }

    /** What else changed, to tell why a control moved. */
    private static String textsChanged(Map<Node, String> before, Map<Node, String> after) {
        StringBuilder changed = new StringBuilder();
        before.forEach((node, text) -> {
            if (after.containsKey(node) && !java.util.Objects.equals(text, after.get(node))) {
                changed.append(" (text '").append(text).append("' → '").append(after.get(node)).append("')");
            }
        });
        return changed.toString();
    }

    /** Lets the layout pass and the message's placement after it (one more pulse) happen. */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        fxRun(() -> driver.stage().getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Where every shown control under {@code root} is, in the scene (floating messages and empty labels left out:
     * they take no room). The insides of tables and lists are theirs to lay out.
     */
    private static Map<Node, Bounds> controls(Node root) {
        Map<Node, Bounds> found = new IdentityHashMap<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, Map<Node, Bounds> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control control && !node.getStyleClass().contains("floating-field-message")
                && !(control instanceof Label label && (label.getText() == null || label.getText().isEmpty())
                && label.getGraphic() == null)) {
            found.put(node, node.localToScene(node.getLayoutBounds()));
        } else if (node instanceof Text text && text.getText() != null && !text.getText().isBlank()) {
            found.put(node, node.localToScene(node.getLayoutBounds()));
        }
        if (node instanceof TableView<?> || node instanceof TreeTableView<?> || node instanceof ListView<?>
                || node instanceof TextInputControl) {
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }

    /**
     * Controls that only hold others (scroll, split, titled, tab and notification panes): a message may lie over
     * their empty parts. The others are what a user reads or works.
     */
    private static boolean isContainer(Node node) {
        return node instanceof TitledPane || !(node instanceof Labeled || node instanceof TextInputControl || node instanceof ComboBoxBase<?>
                || node instanceof Spinner<?> || node instanceof ChoiceBox<?> || node instanceof Slider
                || node instanceof ScrollBar || node instanceof ProgressIndicator || node instanceof ListView<?>
                || node instanceof TableView<?> || node instanceof TreeView<?> || node instanceof TreeTableView<?>);
    }

    private static boolean isIn(Node node, String styleClass) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getStyleClass().contains(styleClass)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private static String describe(Bounds bounds) {
        return String.format(Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", bounds.getMinX(), bounds.getMinY(),
                bounds.getWidth(), bounds.getHeight());
    }

    private static String describe(Node node) {
        String text = node instanceof Labeled labeled && labeled.getText() != null
                ? " '" + labeled.getText() + "'" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text;
    }
}
