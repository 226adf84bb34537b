package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.workspace.Settings;
import com.socketworkbench.workspace.TabState;
import com.socketworkbench.workspace.Workspace;
import com.socketworkbench.workspace.WorkspaceFormatException;
import com.socketworkbench.workspace.WorkspaceJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.prefs.BackingStoreException;

import static com.socketworkbench.app.AppTexts.TEXT;

/**
 * Which workspace the window opens with: the file named by {@code --workspace=PATH} (a file that does not exist yet
 * is where Save will write); else the workspace open when the window last closed; else the untitled workspace kept
 * in the data folder; else, on the very first run, one tab of each kind with the settings the tabs remembered before
 * workspaces existed (the old per-tab preference nodes), so nobody loses their last settings.
 */
final class SessionStart {
    /** The application parameter naming the workspace to open: {@code --workspace=PATH}. */
    static final String PARAMETER = "workspace";
    private static final Logger LOG = LoggerFactory.getLogger(SessionStart.class);

    private final WorkspaceSession session;
    private final AppHome home;
    private final AppPreferences legacy;

    /** @param legacy the app's preferences, whose children named after the tab kinds held each tab's settings */
    SessionStart(WorkspaceSession session, AppHome home, AppPreferences legacy) {
        this.session = session;
        this.home = home;
        this.legacy = legacy;
    }

    /** Reads and writes a tiny workspace, so the JSON classes are loaded and initialised (any thread). */
    static void warmUp() {
        try {
            WorkspaceJson.write(WorkspaceJson.read(WorkspaceJson.write(WorkspaceSession.blank())));
        } catch (WorkspaceFormatException | RuntimeException e) {
            LOG.debug("Warming up the workspace JSON failed", e);
        }
    }

    void start(String parameter) {
        if (parameter != null && !parameter.isBlank()) {
            openNamed(Path.of(parameter.strip()).toAbsolutePath().normalize(), true);
            return;
        }
        Optional<Path> last = session.recent().last();
        if (last.isPresent()) {
            if (Files.exists(last.get())) {
                openNamed(last.get(), false);
                return;
            }
            session.banner().showInfo(TEXT.get("start.lastGone", last.get()));
        }
        Path untitled = home.untitledWorkspace();
        if (Files.exists(untitled)) {
            try {
                session.show(WorkspaceSession.load(untitled), null);
            } catch (WorkspaceFormatException e) {
                Path aside = setAside(untitled);
                session.showBlankInstead();
                session.banner().showError(aside == null
                        ? TEXT.get("start.untitledUnreadable.notMoved", WorkspaceSession.cannotOpen(e))
                        : TEXT.get("start.untitledUnreadable", WorkspaceSession.cannotOpen(e), aside));
            }
            return;
        }
        session.show(firstRun(), null);
    }

    /** Opens a named workspace at start; a file that does not exist yet (from the command line) is created by Save. */
    private void openNamed(Path path, boolean fromCommandLine) {
        if (fromCommandLine && !Files.exists(path)) {
            session.show(WorkspaceSession.blank(), path);
            session.banner().showInfo(TEXT.get("start.newFile", path));
            return;
        }
        try {
            session.show(WorkspaceSession.load(path), path);
            session.recent().add(path);
        } catch (WorkspaceFormatException e) {
            session.showBlankInstead();
            session.banner().showError(TEXT.get("start.namedUnreadable", WorkspaceSession.cannotOpen(e)));
        }
    }

    /**
     * The untitled workspace cannot be read: it is renamed out of the way (never overwritten), so the next close
     * keeps the new untitled workspace without losing the old file. Null when it could not be moved.
     */
    private static Path setAside(Path untitled) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = untitled.resolveSibling("untitled-workspace-unreadable-" + stamp + ".json");
        try {
            return Files.move(untitled, aside);
        } catch (IOException e) {
            LOG.warn("Could not move the unreadable untitled workspace {} aside: {}", untitled, e.getMessage());
            return null;
        }
    }

    /** One tab of each kind, seeded from the per-tab preference nodes of the builds before workspaces. */
    private Workspace firstRun() {
        List<TabState> tabs = TabKinds.newWorkspace().stream()
                .map(kind -> new TabState(kind.id(), kind.title(), legacySettings(kind.id()))).toList();
        return new Workspace(tabs, legacy.getInt("selectedTab", 0), List.of());
    }

    private Settings legacySettings(String kind) {
        try {
            return legacy.node().nodeExists(kind) ? Settings.of(legacy.node().node(kind)) : Settings.EMPTY;
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("Could not read the old settings of the {} tab: {}", kind, e.getMessage());
            return Settings.EMPTY;
        }
    }
}
