package com.socketworkbench.app;

import com.socketworkbench.ui.fx.FxUiExecutor;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.messages.MessageLibrary;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.Styles;
import com.socketworkbench.ui.tab.TabContext;
import com.socketworkbench.ui.tab.TabFactory;
import com.socketworkbench.ui.tab.WorkbenchTab;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The main window: one tab per {@link TabFactory} from {@link WorkbenchTabs}, and a status bar that shows the
 * selected tab's {@link com.socketworkbench.ui.tab.TabStatus}. Every tab's model starts with the window; a tab's
 * view is built when the tab is first selected, so start-up lays out and styles one tab, not five, and only the
 * selected tab's view is in the scene (a view keeps its state while it is out of it). Preferences come in from outside (tests pass a
 * throwaway node); closing the window stops and disposes every tab.
 */
public class WorkbenchApp extends Application {
    /** System property: start, log {@link #FIRST_FRAME} at the first frame, and exit. */
    public static final String STARTUP_CHECK_PROPERTY = "socketworkbench.startupCheck";
    /** What the start-up check logs at the first frame. */
    public static final String FIRST_FRAME = "First frame shown";
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private final AppPreferences givenPreferences;
    private final List<TabFactory> factories;
    private final List<WorkbenchTab> tabs = new ArrayList<>();
    private AppPreferences preferences;
    private WindowBounds bounds;
    private Stage stage;
    /** The one UI executor of this window, handed to every tab. */
    private final UiExecutor executor = new FxUiExecutor();
    private TabPane tabPane;
    private boolean shutDown;

    /** Used by {@link Application#launch}: preferences from {@link AppPreferences#fromSystemProperty()}. */
    public WorkbenchApp() {
        this(null, WorkbenchTabs.defaults());
    }

    public WorkbenchApp(AppPreferences preferences) {
        this(preferences, WorkbenchTabs.defaults());
    }

    public WorkbenchApp(AppPreferences preferences, List<TabFactory> factories) {
        this.givenPreferences = preferences;
        this.factories = List.copyOf(factories);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        preferences = givenPreferences != null ? givenPreferences : AppPreferences.fromSystemProperty();
        bounds = new WindowBounds(preferences.child("window"));
        TabContext context = new TabContext(preferences, executor, new MessageLibrary());

        tabPane = new TabPane();
        tabPane.setId("tabs");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (TabFactory factory : factories) {
            WorkbenchTab workbenchTab = factory.create(context);
            tabs.add(workbenchTab);
            // The content is built when the tab is first selected (start-up builds only the selected tab's view).
            Tab tab = new Tab(workbenchTab.title());
            tab.setUserData(workbenchTab);
            tab.setId(workbenchTab.id() + "Tab");
            tabPane.getTabs().add(tab);
        }

        // Selected before listening, so only this tab's view is built now.
        int remembered = preferences.getInt("selectedTab", 0);
        if (remembered >= 0 && remembered < tabPane.getTabs().size()) {
            tabPane.getSelectionModel().select(remembered);
        }

        StatusBar statusBar = new StatusBar();
        statusBar.setId("statusBar");
        Label counters = new Label();
        counters.setId("statusCounters");
        counters.getStyleClass().add("status-counters");
        statusBar.getRightItems().add(counters);
        select(null, tabPane.getSelectionModel().getSelectedItem(), statusBar, counters);
        tabPane.getSelectionModel().selectedItemProperty()
                .subscribe((previous, tab) -> select(previous, tab, statusBar, counters));

        BorderPane root = new BorderPane(tabPane);
        root.setBottom(statusBar);
        root.getStyleClass().add("workbench");
        Scene scene = new Scene(root, bounds.width(), bounds.height());
        scene.getStylesheets().add(Styles.COMMON);
        stage.setTitle("Socket Workbench");
        stage.setScene(scene);
        bounds.restore(stage);
        tabs.forEach(WorkbenchTab::start);
        if (Boolean.getBoolean(STARTUP_CHECK_PROPERTY)) {
            exitAfterFirstFrame(scene);
        }
        stage.show();
    }

    /**
     * Shows the newly selected tab: its view (built on first selection) goes into the scene and the previous tab's
     * leaves it, so tabs not shown cost no CSS, layout or bounds pass per pulse; the status bar follows its status.
     */
    private static void select(Tab previous, Tab tab, StatusBar statusBar, Label counters) {
        if (previous != null) {
            previous.setContent(null);
        }
        statusBar.textProperty().unbind();
        counters.textProperty().unbind();
        counters.visibleProperty().unbind();
        if (tab != null && tab.getUserData() instanceof WorkbenchTab selected) {
            tab.setContent(selected.view());
            statusBar.textProperty().bind(selected.status().stateProperty());
            counters.textProperty().bind(selected.status().countersText());
            counters.visibleProperty().bind(selected.status().countersShownProperty());
        }
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

    /** Saves window state, stops and disposes every tab; safe to call more than once. */
    public void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        if (stage != null) {
            bounds.save(stage);
            preferences.putInt("selectedTab", tabPane.getSelectionModel().getSelectedIndex());
        }
        for (WorkbenchTab tab : tabs) {
            tab.stop();
            tab.dispose();
        }
        if (preferences != null) {
            preferences.flush();
        }
    }

    /** The tabs in window order (for tests and for tools that drive the app). */
    public List<WorkbenchTab> tabs() {
        return List.copyOf(tabs);
    }
}
