package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.SocketTabModel;
import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.ui.tab.WorkbenchTab;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.toolkit.impl.ApplicationLauncherImpl;
import org.testfx.toolkit.impl.ApplicationServiceImpl;
import org.testfx.toolkit.impl.ToolkitServiceImpl;
import org.testfx.util.WaitForAsyncUtils;

import com.socketworkbench.workspace.Workspace;
import com.socketworkbench.workspace.WorkspaceFile;
import com.socketworkbench.workspace.WorkspaceFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Launches the real {@link WorkbenchApp} (throwaway in-memory preferences, a throwaway data folder, scripted
 * {@link ScriptedDialogs answers} to its questions) on TestFX's stage and offers the few
 * helpers the UI tests share: scoped lookups ("#tcpServer #port"), reads on the FX thread, waits without sleeping.
 * Every launch is watched by an {@link FxWatchdog}: {@link #close()} fails the test when the FX thread was blocked
 * for more than {@link FxWatchdog#LIMIT}.
 */
public final class AppDriver {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The first launch in a JVM also starts the toolkit and loads most classes: on a busy machine that takes a while. */
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(AppDriver.class);

    private static final Map<Preferences, Path> HOMES = new WeakHashMap<>();

    private final FxRobot robot = new FxRobot();
    private final AppPreferences preferences;
    private final Path home;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private WorkbenchApp app;
    private Stage stage;
    private FxWatchdog watchdog;

    public AppDriver() {
        this(InMemoryPreferences.fresh());
    }

    /**
     * A driver over {@code preferences}; drivers given the same preferences share one throwaway data folder too, so
     * a second launch reopens what the first kept (the untitled workspace), as the app does for a user.
     */
    public AppDriver(AppPreferences preferences) {
        this.preferences = preferences;
        this.home = homeOf(preferences);
    }

    /**
     * The throwaway data folder ({@code socketworkbench.home}) of the app launched over {@code preferences}: tests
     * never touch the user's workspaces. Deleted when the test JVM ends.
     */
    public static synchronized Path homeOf(AppPreferences preferences) {
        return HOMES.computeIfAbsent(preferences.node(), node -> {
            try {
                Path folder = Files.createTempDirectory("socketworkbench-home-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is no failure
        }
    }

    /**
     * The settings the first tab of {@code kind} had when the app launched over {@code preferences} last closed
     * with the untitled workspace (kept in {@link #homeOf} its data folder).
     */
    public static AppPreferences savedTabSettings(AppPreferences preferences, String kind) {
        return new AppPreferences(keptWorkspace(preferences).tabs().stream().filter(tab -> tab.kind().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " tab in the kept workspace"))
                .settings().toPreferences());
    }

    /** The untitled workspace the app launched over {@code preferences} kept when it last closed. */
    public static Workspace keptWorkspace(AppPreferences preferences) {
        try {
            return WorkspaceFile.load(new AppHome(homeOf(preferences)).untitledWorkspace());
        } catch (IOException | WorkspaceFormatException e) {
            throw new AssertionError("the untitled workspace was not kept", e);
        }
    }

    /** The live settings node of the first open tab of {@code kind} (what its model reads and writes). */
    public AppPreferences tabSettings(String kind) {
        return fx(() -> new AppPreferences(app.strip().tabs().stream().filter(tab -> tab.kind().id().equals(kind))
                .findFirst().orElseThrow().settings()));
    }

    public Path home() {
        return home;
    }

    /** The answers the app's questions get (close a live tab? save changes? which file?). */
    public ScriptedDialogs dialogs() {
        return dialogs;
    }

    /**
     * Launches the app and starts an {@link FxWatchdog} once it is up (start-up itself builds every tab and is not
     * watched; neither is the watchdog's {@link FxWatchdog#START_GRACE} after it).
     */
    public AppDriver launch(String... arguments) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        // FxToolkit's own setupApplication(Supplier) takes no arguments; its service does (--workspace=PATH).
        Stage primary = stage;
        app = (WorkbenchApp) new ToolkitServiceImpl(new ApplicationLauncherImpl(), new ApplicationServiceImpl())
                .setupApplication(() -> primary,
                        () -> new WorkbenchApp(preferences, new AppHome(home), owner -> dialogs), arguments)
                .get(LAUNCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        watchdog = FxWatchdog.start();
        return this;
    }

    /**
     * Closes the app, then fails if the FX thread was blocked for more than {@link FxWatchdog#LIMIT} (or busy for
     * more than {@link FxWatchdog#BUSY_LIMIT}) at any time between launch and close.
     */
    public void close() throws Exception {
        FxWatchdog watched = watchdog;
        watchdog = null;
        if (watched != null) {
            watched.stop();
        }
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (watched != null) {
            LOG.info("FX thread blocked at most {} ms, busy at most {} ms", watched.longestBlock().toMillis(),
                    watched.longestBusy().toMillis());
            watched.assertResponsive("the test");
        }
    }

    /** The watchdog of this launch (null before launch and after close). */
    public FxWatchdog watchdog() {
        return watchdog;
    }

    public FxRobot robot() {
        return robot;
    }

    public WorkbenchApp app() {
        return app;
    }

    public Stage stage() {
        return stage;
    }

    public AppPreferences preferences() {
        return preferences;
    }

    /** Runs {@code call} on the FX thread and returns its result. */
    public static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX call failed", e);
        }
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    public static void fxRun(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    public <T extends Node> T node(String selector) {
        return robot.lookup(selector).query();
    }

    /**
     * Opens a tab as Tab ▸ New Tab ▸ {@code kindId} does, shows it and returns it (the first open tab of
     * {@code type}).
     */
    public <T> T openNewTab(String kindId, Class<T> type) {
        fxRun(() -> app().menus().items().stream().filter(item -> ("newTab-" + kindId).equals(item.getId()))
                .findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        T tab = fx(() -> app().tabs().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow());
        selectTab(kindId);
        return tab;
    }

    public void selectTab(String tabRootId) {
        fxRun(() -> {
            TabPane tabs = node("#tabs");
            tabs.getTabs().stream().filter(tab -> (tabRootId + "Tab").equals(tab.getId())).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void click(String selector) {
        robot.clickOn(selector);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void setText(String selector, String text) {
        fxRun(() -> ((TextInputControl) node(selector)).setText(text));
    }

    public String text(String selector) {
        return fx(() -> {
            Node node = node(selector);
            return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
        });
    }

    public boolean disabled(String selector) {
        return fx(() -> node(selector).isDisabled());
    }

    public void waitUntil(Callable<Boolean> condition) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> fx(condition));
    }

    /**
     * Waits until the socket tab at {@code tabIndex} has counted {@code messagesIn} received messages and its
     * timeline shows every row drained so far (during a burst the pump hands rows to the table a little later than
     * it counts them).
     */
    public void waitUntilCounted(int tabIndex, long messagesIn) {
        waitUntil(() -> {
            WorkbenchTab tab = app().tabs().get(tabIndex);
            return tab.status().messagesInProperty().get() == messagesIn
                    && tab instanceof ModelViewTab<?, ?> socketTab
                    && socketTab.model() instanceof SocketTabModel model && model.traffic().pump().isIdle();
        });
    }

    /** Waits for a timeline row matching {@code test} in the given timeline table and returns it. */
    @SuppressWarnings("unchecked")
    public TimelineRow waitForRow(String timelineSelector, Predicate<TimelineRow> test) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> fx(() -> {
            TableView<TimelineRow> table = (TableView<TimelineRow>) node(timelineSelector);
            return table.getItems().stream().filter(test).findFirst();
        }), Optional::isPresent).orElseThrow();
    }

    /** Clicks the visible table row holding {@code row} (scrolling it into view first). */
    @SuppressWarnings("unchecked")
    public void clickRow(String timelineSelector, TimelineRow row) {
        fxRun(() -> ((TableView<TimelineRow>) node(timelineSelector)).scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        Node rowNode = robot.lookup(timelineSelector + " .table-row-cell")
                .match((Node node) -> node instanceof TableRow<?> tableRow && tableRow.getItem() == row)
                .query();
        robot.clickOn(rowNode);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    public List<String> listItems(String selector) {
        return fx(() -> List.copyOf(((ListView<String>) node(selector)).getItems()));
    }

    /** Whether ControlsFX decorates the field at {@code selector} (an error's red mark). */
    public boolean decorated(String selector) {
        return fx(() -> decoratedNow(selector));
    }

    private boolean decoratedNow(String selector) {
        var decorations = org.controlsfx.control.decoration.Decorator.getDecorations(node(selector));
        return decorations != null && !decorations.isEmpty();
    }

    /**
     * Waits until the port field {@code fieldSelector} (its message is the selector + "Message") says that
     * {@code port} on 127.0.0.1 is held by another program, with the red mark; returns the message.
     */
    public String waitForPortInUse(String fieldSelector, int port) {
        String expected = "Port " + port + " on 127.0.0.1 is held by another program: pick another port, or 0 for "
                + "any free one";
        waitUntil(() -> {
            Labeled message = node(fieldSelector + "Message");
            return expected.equals(message.getText()) && message.isVisible() && decoratedNow(fieldSelector);
        });
        return text(fieldSelector + "Message");
    }
}
