package com.socketworkbench.app;

import com.socketworkbench.ui.fx.LayoutBoundary;
import com.socketworkbench.ui.fx.FxUiExecutor;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.messages.MessageLibrary;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.theme.ThemeController;
import com.socketworkbench.ui.theme.ThemeMenu;
import com.socketworkbench.ui.tab.Styles;
import com.socketworkbench.ui.tab.WorkbenchTab;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Function;

/**
 * The main window: menus, the workspace's tabs ({@link TabStrip}) and a status bar that shows the selected tab's
 * {@link com.socketworkbench.ui.tab.TabStatus}. It opens a workspace at start ({@link SessionStart}), keeps the
 * session's name and unsaved-changes mark in its title, and asks before it closes a named workspace with unsaved
 * changes. A tab's view is built when the tab is first selected, so start-up lays out and styles one tab, and only
 * the selected tab's view is in the scene. Preferences, the data folder and the dialogs come in from outside (tests
 * pass throwaway ones); closing the window keeps the workspace state, then stops and disposes every tab.
 */
public class WorkbenchApp extends Application {
    /** System property: start, log {@link #FIRST_FRAME} at the first frame, and exit. */
    public static final String STARTUP_CHECK_PROPERTY = "socketworkbench.startupCheck";
    /** System property: the data folder where the untitled workspace is kept (default {@code ~/.socketworkbench}). */
    public static final String HOME_PROPERTY = AppHome.PROPERTY;
    /** What the start-up check logs at the first frame. */
    public static final String FIRST_FRAME = "First frame shown";
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private final AppPreferences givenPreferences;
    private final AppHome givenHome;
    private final Function<Stage, WindowDialogs> newDialogs;
    private AppPreferences preferences;
    private WindowBounds bounds;
    private Stage stage;
    /** The one UI executor of this window, handed to every tab. */
    private final UiExecutor executor = new FxUiExecutor();
    private TabStrip strip;
    private MessageLibrary messages;
    private WorkspaceSession session;
    private WorkbenchMenus menus;
    private ThemeController themes;
    private MessageBanner banner;
    private WindowDialogs dialogs;
    private AppHome home;
    private CheatSheet cheatSheet;
    private LanguageMenu languageMenu;
    /** After View → Reset Settings the window no longer writes its size and place when it closes. */
    private boolean settingsReset;
    private boolean shutDown;
    private List<WorkbenchTab> closedTabs;

    /**
     * Used by {@link Application#launch}: preferences from {@link AppPreferences#fromSystemProperty()}, the data
     * folder from {@link AppHome#fromSystemProperty()}.
     */
    public WorkbenchApp() {
        this(null, null, FxWindowDialogs::new);
    }

    /** A window over the given preferences and data folder (tests and probes: never the user's). */
    public WorkbenchApp(AppPreferences preferences, java.nio.file.Path home) {
        this(preferences, new AppHome(home), FxWindowDialogs::new);
    }

    WorkbenchApp(AppPreferences preferences, AppHome home, Function<Stage, WindowDialogs> dialogs) {
        this.givenPreferences = preferences;
        this.givenHome = home;
        this.newDialogs = dialogs;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        preferences = givenPreferences != null ? givenPreferences : AppPreferences.fromSystemProperty();
        AppLanguage.apply(preferences);
        themes = new ThemeController(preferences);
        home = givenHome != null ? givenHome : AppHome.fromSystemProperty();
        bounds = new WindowBounds(preferences.child("window"));
        dialogs = newDialogs.apply(stage);
        messages = new MessageLibrary();
        WindowStatusBar statusBar = new WindowStatusBar();
        ChangeWatch watch = new ChangeWatch(executor, () -> session.checkChanges());
        strip = new TabStrip(executor, messages, dialogs, statusBar::follow, watch::changed);
        banner = new MessageBanner();
        session = new WorkspaceSession(strip, messages, new RecentWorkspaces(preferences), home, dialogs, banner);
        messages.messages().addListener((ListChangeListener<Object>) change -> watch.changed());
        new SessionStart(session, home, preferences).start(workspaceParameter());
        cheatSheet = new CheatSheet(stage);
        languageMenu = new LanguageMenu(preferences, banner::showInfo);
        menus = new WorkbenchMenus(session, strip, new WorkbenchMenus.WindowActions(this::quit, this::resetSettings,
                cheatSheet::show, languageMenu.menu(), ThemeMenu.create(themes)));

        BorderPane root = new BorderPane(strip.pane());
        root.setTop(menuRow());
        // The counters change five times a second in a flood: they lay out the status bar, not the window.
        root.setBottom(new LayoutBoundary(statusBar.node()));
        root.getStyleClass().add("workbench");
        Scene scene = new Scene(root, bounds.width(), bounds.height());
        scene.getStylesheets().addAll(Styles.COMMON, Styles.resource(WorkbenchApp.class, "window.css"));
        themes.attach(scene);
        watch.watch(scene);
        new WindowShortcuts(strip).install(scene);
        stage.titleProperty().bind(session.titleProperty());
        stage.setScene(scene);
        AppIcons.apply(stage);
        bounds.restore(stage);
        // The stage's one handler (not an added one): a test harness reuses its stage for app after app.
        stage.setOnCloseRequest(event -> {
            if (!session.mayCloseWindow()) {
                event.consume();
            }
        });
        if (Boolean.getBoolean(STARTUP_CHECK_PROPERTY)) {
            exitAfterFirstFrame(scene);
        }
        stage.show();
    }

    /**
     * The menu bar and, right of the menus, the workspace message ({@link MessageBanner}), which takes the row's
     * height and the room the menus leave, so it never pushes the tabs down.
     */
    private HBox menuRow() {
        HBox row = new HBox(menus.node(), banner.node());
        row.setId("menuRow");
        row.getStyleClass().add("menu-row");
        HBox.setHgrow(menus.node(), Priority.NEVER);
        HBox.setHgrow(banner.node(), Priority.ALWAYS);
        menus.node().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        banner.fitHeight(menus.node().heightProperty());
        return row;
    }

    /** File → Quit (Ctrl+Q): what closing the window does, questions about unsaved changes included. */
    void quit() {
        stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /**
     * View → Reset Settings: after the user agrees, empties the preference node and says what was reset. Workspace
     * files are not touched; the open workspace stays open.
     */
    void resetSettings() {
        if (!dialogs.confirmReset(AppPreferences.describe(preferences), home.folder().toString())) {
            return;
        }
        List<String> parts = SettingsReset.reset(preferences);
        session.recent().clear();
        languageMenu.showSaved();
        settingsReset = true;
        banner.showInfo(SettingsReset.report(parts));
    }

    /** {@code --workspace=PATH} from the application's parameters (none when started without them). */
    private String workspaceParameter() {
        Parameters parameters = getParameters();
        return parameters == null ? null : parameters.getNamed().get(SessionStart.PARAMETER);
    }

    /**
     * The start-up check ({@code -Dsocketworkbench.startupCheck=true}): logs how long the JVM took to the first laid
     * out frame, then closes the app as the user would. Packaging checks and the benchmark (P6) start the app this way.
     */
    private void exitAfterFirstFrame(Scene scene) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                LOG.info("{} {} ms after the JVM started", FIRST_FRAME, ManagementFactory.getRuntimeMXBean().getUptime());
                executor.later(() -> {
                    stage.close();
                    Platform.exit();
                });
            }
        });
    }

    @Override
    public void stop() {
        shutdown();
    }

    /** Keeps the workspace state and the window's place, stops and disposes every tab; safe to call more than once. */
    public void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        if (cheatSheet != null) {
            cheatSheet.close();
        }
        if (themes != null) {
            themes.dispose();
        }
        if (stage != null) {
            if (!settingsReset) {
                bounds.save(stage);
            }
            stage.titleProperty().unbind();
            stage.setOnCloseRequest(null);
        }
        if (session != null) {
            session.close();
            closedTabs = tabs();
            strip.discardAll();
        }
        if (preferences != null) {
            preferences.flush();
        }
    }

    /** The tabs in window order (for tests and for tools that drive the app); after shutdown, the last ones. */
    public List<WorkbenchTab> tabs() {
        return closedTabs != null ? closedTabs : strip.tabs().stream().map(WindowTab::content).toList();
    }

    /** The workspace's message library (for tests and tools that drive the app). */
    MessageLibrary messages() {
        return messages;
    }

    TabStrip strip() {
        return strip;
    }

    WorkbenchMenus menus() {
        return menus;
    }

    WorkspaceSession session() {
        return session;
    }

    MessageBanner banner() {
        return banner;
    }

    CheatSheet cheatSheet() {
        return cheatSheet;
    }
}
