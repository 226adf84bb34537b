package com.socketworkbench.app;

import com.socketworkbench.ui.messages.MessageLibrary;
import com.socketworkbench.workspace.Settings;
import com.socketworkbench.workspace.TabState;
import com.socketworkbench.workspace.Workspace;
import com.socketworkbench.workspace.WorkspaceFile;
import com.socketworkbench.workspace.WorkspaceFormatException;
import com.socketworkbench.workspace.WorkspaceJson;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.socketworkbench.app.AppTexts.TEXT;

/**
 * The workspace the window shows: its file (none for the untitled one), whether it has unsaved changes, and the File
 * menu's operations on it. The tabs and the message library are the workspace; this class turns them into a
 * {@link Workspace} to save and back.
 *
 * <p>Unsaved changes: the workspace's JSON (the tab selection left out: looking at another tab changes nothing)
 * compared with the JSON it had when it was opened or last saved, whenever {@link ChangeWatch} says something may
 * have changed. A named workspace with changes asks Save / Don't Save / Cancel before it is closed or replaced. The
 * untitled workspace is kept by itself in the app's data folder when the window closes, so it asks only when it would
 * be replaced (New, Open).
 *
 * <p>A file that cannot be opened is never written to: the message names the file and the problem, and at start-up
 * the window shows a blank untitled workspace instead.
 */
final class WorkspaceSession {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSession.class);

    private final TabStrip strip;
    private final MessageLibrary messages;
    private final RecentWorkspaces recent;
    private final AppHome home;
    private final WindowDialogs dialogs;
    private final MessageBanner banner;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", TEXT.get("app.name"));

    /** The workspace's file; null for the untitled workspace. */
    private Path file;
    /** The comparable JSON of the workspace when it was opened or last saved. */
    /** The workspace as last saved or opened, without the selection (compared by value, not as JSON text). */
    private Workspace saved = blank();
    private boolean dirty;
    /**
     * Whether the untitled workspace is written to the data folder when the window closes: not for the blank one
     * shown because a file could not be opened, until the user changes it (it would replace the untitled workspace
     * kept from before for nothing).
     */
    private boolean keepUntitled = true;
    private boolean closed;

    WorkspaceSession(TabStrip strip, MessageLibrary messages, RecentWorkspaces recent, AppHome home,
                     WindowDialogs dialogs, MessageBanner banner) {
        this.strip = strip;
        this.messages = messages;
        this.recent = recent;
        this.home = home;
        this.dialogs = dialogs;
        this.banner = banner;
    }

    /** "name* — Socket Workbench", for the window title. */
    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    boolean isDirty() {
        return dirty;
    }

    /** The workspace's name: its file name without {@code .json}, or "Untitled". */
    String name() {
        if (file == null) {
            return TEXT.get("session.untitled");
        }
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") && name.length() > 5
                ? name.substring(0, name.length() - 5) : name;
    }

    /** Everything the window holds now, as a workspace. */
    Workspace snapshot() {
        return new Workspace(strip.states(), strip.selectedIndex(), messages.snapshot());
    }

    /** One tab of each kind with default settings and no messages: what New and a failed start show. */
    static Workspace blank() {
        return new Workspace(TabKinds.newWorkspace().stream().map(kind -> new TabState(kind.id(), kind.title(),
                Settings.EMPTY)).toList(), 0, List.of());
    }

    // ---- the File menu

    void newWorkspace() {
        if (!mayLeave()) {
            return;
        }
        show(blank(), null);
        keepUntitled = true;
        banner.hide();
    }

    /** Asks for a file and opens it. */
    void open() {
        dialogs.chooseOpen(folder()).ifPresent(this::open);
    }

    /**
     * Opens {@code path} in place of the current workspace (asking about unsaved changes first). A file that
     * cannot be opened leaves the current workspace as it is and says why.
     */
    void open(Path path) {
        Workspace workspace;
        try {
            workspace = load(path);
        } catch (WorkspaceFormatException e) {
            banner.showError(TEXT.get("session.cannotOpen.staysOpen", cannotOpen(e)));
            return;
        }
        if (!mayLeave()) {
            return;
        }
        banner.hide();
        show(workspace, path.toAbsolutePath());
        recent.add(path);
    }

    /** "Could not open the workspace PATH: problem." */
    static String cannotOpen(WorkspaceFormatException e) {
        return TEXT.get("session.cannotOpen", e.getMessage());
    }

    /** Saves to the workspace's file, or asks for one (the untitled workspace). True when it was saved. */
    boolean save() {
        return file == null ? saveAs() : write(file);
    }

    /** Asks for a file and saves there; the workspace is then that file's. True when it was saved. */
    boolean saveAs() {
        String suggested = file == null ? "workspace.json" : file.getFileName().toString();
        Optional<Path> chosen = dialogs.chooseSave(folder(), suggested);
        if (chosen.isEmpty()) {
            return false;
        }
        Path target = chosen.get();
        if (!target.getFileName().toString().contains(".")) {
            target = target.resolveSibling(target.getFileName() + ".json");
        }
        return write(target.toAbsolutePath());
    }

    /** Whether the window may close now: a named workspace with unsaved changes asks. */
    boolean mayCloseWindow() {
        checkChanges();
        return file == null || mayLeave();
    }

    /**
     * The window closes: the untitled workspace is kept in the data folder, and the app remembers which workspace to
     * reopen. Call before the tabs are disposed; the session does nothing afterwards.
     */
    void close() {
        if (closed) {
            return;
        }
        checkChanges();
        closed = true;
        if (file == null) {
            if (keepUntitled) {
                keepUntitledWorkspace();
            }
            recent.setLast(null);
        } else {
            recent.setLast(Files.exists(file) ? file : null);
        }
    }

    /** Looks for unsaved changes now and updates the title. */
    void checkChanges() {
        if (closed) {
            return;
        }
        boolean changed = !comparable(snapshot()).equals(saved);
        if (changed) {
            keepUntitled = true;
        }
        dirty = changed;
        updateTitle();
    }

    // ---- start-up

    /**
     * Shows {@code workspace}, from {@code path} (null: untitled). Tabs of a kind this build does not know, and a
     * second tab of a kind that allows one, are left out and the banner says so.
     */
    void show(Workspace workspace, Path path) {
        List<TabStrip.OpenedTab> tabs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int selected = 0;
        for (int i = 0; i < workspace.tabs().size(); i++) {
            TabState state = workspace.tabs().get(i);
            Optional<TabKind> kind = TabKinds.find(state.kind());
            if (kind.isEmpty()) {
                skipped.add(TEXT.get("session.skipped.unknown", i + 1, state.title(), state.kind()));
                continue;
            }
            if (!kind.get().several() && tabs.stream().anyMatch(tab -> tab.kind() == kind.get())) {
                skipped.add(TEXT.get("session.skipped.second", i + 1, state.title(), kind.get().title()));
                continue;
            }
            if (i <= workspace.selectedTab()) {
                selected = tabs.size();
            }
            tabs.add(new TabStrip.OpenedTab(kind.get(), kind.get().shownTitle(state.title()), state.settings()));
        }
        messages.replaceAll(workspace.messages());
        strip.replaceAll(tabs, selected);
        file = path;
        saved = comparable(snapshot());
        dirty = false;
        updateTitle();
        if (!skipped.isEmpty()) {
            banner.showInfo(TEXT.get("session.skipped",
                    path == null ? TEXT.get("session.skipped.theWorkspace") : path.toString(),
                    String.join(TEXT.get("session.skipped.separator"), skipped)));
        }
    }

    /** After a file could not be opened at start: a blank untitled workspace that does not replace the kept one. */
    void showBlankInstead() {
        show(blank(), null);
        keepUntitled = false;
    }

    /** The workspace in {@code path}; the exception's message names the file and the problem. */
    static Workspace load(Path path) throws WorkspaceFormatException {
        try {
            return WorkspaceFile.load(path);
        } catch (NoSuchFileException e) {
            throw new WorkspaceFormatException(TEXT.get("session.noSuchFile", path), e);
        } catch (IOException e) {
            throw new WorkspaceFormatException(path + ": " + e.getMessage(), e);
        }
    }

    MessageLibrary messages() {
        return messages;
    }

    MessageBanner banner() {
        return banner;
    }

    RecentWorkspaces recent() {
        return recent;
    }

    // ---- inside

    /** Asks about unsaved changes; true when the workspace may be closed or replaced now. */
    private boolean mayLeave() {
        checkChanges();
        if (!dirty) {
            return true;
        }
        return switch (dialogs.askToSave(name())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private boolean write(Path target) {
        Workspace workspace = snapshot();
        try {
            WorkspaceFile.writeAtomically(target, WorkspaceJson.write(workspace));
        } catch (IOException e) {
            banner.showError(TEXT.get("session.cannotSave", target, e.getMessage()));
            return false;
        }
        file = target;
        saved = comparable(workspace);
        dirty = false;
        recent.add(target);
        updateTitle();
        return true;
    }

    private void keepUntitledWorkspace() {
        Path target = home.untitledWorkspace();
        try {
            WorkspaceFile.writeAtomically(target, WorkspaceJson.write(snapshot()));
        } catch (IOException e) {
            LOG.warn("Could not keep the untitled workspace in {}: {}", target, e.getMessage());
        }
    }

    /** Where the file choosers start: the workspace's folder, else the newest recent one's. */
    private Path folder() {
        if (file != null) {
            return file.getParent();
        }
        return recent.paths().isEmpty() ? null : recent.paths().getFirst().getParent();
    }

    /** The workspace without the selection. */
    private static Workspace comparable(Workspace workspace) {
        // Records compare by value: cheaper than writing JSON on every key release, and the same verdict (the
        // JSON text is a function of the record).
        return new Workspace(workspace.tabs(), 0, workspace.messages());
    }

    private void updateTitle() {
        boolean marked = dirty && file != null;
        title.set(name() + (marked ? "*" : "") + " \u2014 " + TEXT.get("app.name"));
    }
}
