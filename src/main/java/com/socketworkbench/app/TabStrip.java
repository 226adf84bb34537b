package com.socketworkbench.app;

import com.socketworkbench.engine.http.UpgradedConnection;
import com.socketworkbench.ui.alltraffic.AllTrafficHub;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.messages.MessageLibrary;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.TabContext;
import com.socketworkbench.ui.tab.WorkbenchTab;
import com.socketworkbench.ui.websocket.WebSocketTab;
import com.socketworkbench.workspace.MemoryPreferences;
import com.socketworkbench.workspace.Settings;
import com.socketworkbench.workspace.TabState;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The window's tabs ({@code #tabs}): opens tabs of any kind, each over a settings node of its own, so two tabs of a
 * kind share nothing but the window's executor and message library; renames (double-click a header), reorders (drag
 * a header) and closes them (a tab with live sockets asks first; closing stops and disposes it).
 *
 * <p>Only the selected tab's view is in the scene: a tab's view is built when it is first selected, and leaves the
 * scene when another tab is selected (it keeps its state), so tabs not shown cost no CSS, layout or bounds pass.
 */
final class TabStrip {
    private final TabPane pane = new TabPane();
    private final UiExecutor executor;
    private final MessageLibrary messages;
    private final WindowDialogs dialogs;
    private final Consumer<WorkbenchTab> onShown;
    private final Runnable onChange;
    private final TabTitleEditor titles;
    /** The window's one All-traffic hub: every socket tab's events are teed into it, under the tab's title. */
    private final AllTrafficHub allTraffic = new AllTrafficHub();
    /** While the whole set of tabs is replaced, selection changes build no views. */
    private boolean replacing;

    /**
     * @param onShown  told which tab is shown now (null for none), for the status bar
     * @param onChange told after a tab was opened, closed, renamed or moved
     */
    TabStrip(UiExecutor executor, MessageLibrary messages, WindowDialogs dialogs, Consumer<WorkbenchTab> onShown,
             Runnable onChange) {
        this.executor = executor;
        this.messages = messages;
        this.dialogs = dialogs;
        this.onShown = onShown;
        this.onChange = onChange;
        pane.setId("tabs");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        pane.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
        titles = new TabTitleEditor(pane, this::rename);
        pane.getSelectionModel().selectedItemProperty().subscribe((previous, now) -> {
            if (!replacing) {
                show(previous, now);
            }
        });
        pane.getTabs().addListener((ListChangeListener<Tab>) change -> {
            if (!replacing) {
                onChange.run();
            }
        });
    }

    TabPane pane() {
        return pane;
    }

    /** The open tabs in window order. */
    List<WindowTab> tabs() {
        List<WindowTab> open = new ArrayList<>();
        for (Tab tab : pane.getTabs()) {
            if (tab.getUserData() instanceof WindowTab windowTab) {
                open.add(windowTab);
            }
        }
        return open;
    }

    Optional<WindowTab> selected() {
        return Optional.ofNullable(pane.getSelectionModel().getSelectedItem())
                .map(Tab::getUserData).filter(WindowTab.class::isInstance).map(WindowTab.class::cast);
    }

    int selectedIndex() {
        return Math.max(0, pane.getSelectionModel().getSelectedIndex());
    }

    /** Each tab's kind, title and current settings, in window order. */
    List<TabState> states() {
        return tabs().stream().map(WindowTab::state).toList();
    }

    /** False for a kind that allows one tab which is already open. */
    boolean canOpen(TabKind kind) {
        return kind.several() || tabs().stream().noneMatch(tab -> tab.kind() == kind);
    }

    /** Opens another tab of {@code kind} with its default settings, after the others, and shows it. */
    Optional<WindowTab> openNew(TabKind kind) {
        if (!canOpen(kind)) {
            return Optional.empty();
        }
        int number = freeNumber(kind);
        WindowTab tab = create(kind, number, WindowTab.titleOf(kind, number), Settings.EMPTY);
        pane.getTabs().add(tab.header());
        pane.getSelectionModel().select(tab.header());
        return Optional.of(tab);
    }

    /**
     * Closes every tab without asking (the workspace is being replaced or the window closes) and opens
     * {@code states} instead, showing the one at {@code selected}. Only that tab's view is built.
     */
    void replaceAll(List<OpenedTab> states, int selected) {
        List<WindowTab> old = tabs();
        replacing = true;
        try {
            titles.cancel();
            List<WindowTab> opened = new ArrayList<>();
            for (OpenedTab state : states) {
                int number = freeNumber(state.kind(), opened);
                opened.add(create(state.kind(), number, state.title(), state.settings()));
            }
            pane.getTabs().setAll(opened.stream().map(WindowTab::header).toList());
            old.forEach(WindowTab::discard);
            if (!opened.isEmpty()) {
                pane.getSelectionModel().select(Math.clamp(selected, 0, opened.size() - 1));
            }
        } finally {
            replacing = false;
        }
        show(null, pane.getSelectionModel().getSelectedItem());
        onChange.run();
    }

    /** A tab to open: its kind, title and settings. */
    record OpenedTab(TabKind kind, String title, Settings settings) {
    }

    /** Closes {@code tab}: a live one only when the user agrees. True when it was closed. */
    boolean close(WindowTab tab) {
        if (!mayClose(tab)) {
            return false;
        }
        titles.cancel();
        releaseFocus(tab);
        pane.getTabs().remove(tab.header());
        tab.discard();
        return true;
    }

    void closeSelected() {
        selected().ifPresent(this::close);
    }

    /** Shows the tab {@code step} places after (before, when negative) the shown one, wrapping round. */
    boolean selectRelative(int step) {
        int count = pane.getTabs().size();
        if (count < 2) {
            return count == 1;
        }
        int now = pane.getSelectionModel().getSelectedIndex();
        pane.getSelectionModel().select(Math.floorMod(now + step, count));
        return true;
    }

    /** Shows the tab at {@code index} (0 for the first); false when there is none. */
    boolean selectIndex(int index) {
        if (index < 0 || index >= pane.getTabs().size()) {
            return false;
        }
        pane.getSelectionModel().select(index);
        return true;
    }

    void renameSelected() {
        selected().ifPresent(titles::edit);
    }

    /** Moves {@code tab} to {@code index} (what dragging its header does). */
    void move(WindowTab tab, int index) {
        boolean wasSelected = pane.getSelectionModel().getSelectedItem() == tab.header();
        pane.getTabs().remove(tab.header());
        pane.getTabs().add(Math.clamp(index, 0, pane.getTabs().size()), tab.header());
        if (wasSelected) {
            pane.getSelectionModel().select(tab.header());
        }
    }

    void rename(WindowTab tab, String title) {
        tab.setTitle(title);
        onChange.run();
    }

    /** Stops and disposes every tab (the window closes). */
    void discardAll() {
        titles.cancel();
        tabs().forEach(WindowTab::discard);
    }

    private boolean mayClose(WindowTab tab) {
        WorkbenchTab content = tab.content();
        return !content.isLive() || dialogs.confirmClose(tab.title(), content.status().state());
    }

    /**
     * Moves the keyboard focus to the tab pane when it is inside {@code tab}'s view: the scene would otherwise keep
     * the removed control as its focus owner, and with it the whole closed tab.
     */
    private void releaseFocus(WindowTab tab) {
        if (pane.getScene() == null || !tab.content().hasView()) {
            return;
        }
        Node view = tab.content().view();
        for (Node node = pane.getScene().getFocusOwner(); node != null; node = node.getParent()) {
            if (node == view) {
                pane.requestFocus();
                return;
            }
        }
    }

    private WindowTab create(TabKind kind, int number, String title, Settings settings) {
        MemoryPreferences node = settings.toPreferences();
        WorkbenchTab content = kind.factory().create(new TabContext(new AppPreferences(node), executor, messages,
                allTraffic, this::continueAsWebSocket));
        WindowTab tab = new WindowTab(kind, number, title, content, node);
        allTraffic.watch(content, tab::title);
        Tab header = tab.header();
        // The header's close button asks first; the tab pane removes the tab only when the request is not consumed.
        header.setOnCloseRequest(event -> {
            if (mayClose(tab)) {
                releaseFocus(tab);
            } else {
                event.consume();
            }
        });
        header.setOnClosed(event -> tab.discard());
        content.start();
        return tab;
    }

    /**
     * Opens a WebSocket tab after the others, shows it, and has it continue {@code connection} (which the HTTP tab's
     * upgrade request switched); the new tab's settings take the request's URL, headers and subprotocols.
     */
    private Optional<String> continueAsWebSocket(UpgradedConnection connection) {
        Optional<WindowTab> opened = openNew(TabKinds.WEBSOCKET);
        if (opened.isEmpty() || !(opened.get().content() instanceof WebSocketTab webSocket)) {
            connection.close();
            return Optional.empty();
        }
        webSocket.model().adopt(connection);
        return Optional.of(opened.get().title());
    }

    private int freeNumber(TabKind kind) {
        return freeNumber(kind, tabs());
    }

    /** The lowest number no tab of {@code kind} in {@code open} has, so ids stay short and are reused. */
    private static int freeNumber(TabKind kind, List<WindowTab> open) {
        int number = 1;
        while (true) {
            int candidate = number;
            if (open.stream().noneMatch(tab -> tab.kind() == kind && tab.number() == candidate)) {
                return candidate;
            }
            number++;
        }
    }

    /**
     * Shows the newly selected tab: its view (built on first selection) goes into the scene and the previous tab's
     * leaves it.
     */
    private void show(Tab previous, Tab now) {
        if (previous != null) {
            previous.setContent(null);
        }
        WorkbenchTab shown = null;
        if (now != null && now.getUserData() instanceof WindowTab tab) {
            shown = tab.content();
            now.setContent(shown.view());
        }
        onShown.accept(shown);
    }
}
