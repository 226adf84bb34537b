package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workspaces opened or saved lately (newest first, at most {@value #LIMIT}) and the one open when the window
 * last closed, kept in the app's preferences ({@code workspaces} node).
 */
final class RecentWorkspaces {
    static final int LIMIT = 10;
    private static final String LAST = "last";
    private static final String RECENT = "recent";

    private final AppPreferences node;
    private final ObservableList<Path> paths = FXCollections.observableArrayList();

    RecentWorkspaces(AppPreferences preferences) {
        this.node = preferences.child("workspaces");
        for (int i = 0; i < LIMIT; i++) {
            String path = node.get(RECENT + i, "");
            if (!path.isEmpty()) {
                paths.add(Path.of(path));
            }
        }
    }

    /** Newest first; the Open Recent menu shows this list. */
    ObservableList<Path> paths() {
        return paths;
    }

    /** Puts {@code file} first (once). */
    void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> updated = new ArrayList<>(paths);
        updated.remove(absolute);
        updated.addFirst(absolute);
        paths.setAll(updated.subList(0, Math.min(LIMIT, updated.size())));
        store();
    }

    /** Forgets every recent workspace (the preferences were reset: their keys are gone already). */
    void clear() {
        paths.clear();
    }

    void remove(Path file) {
        paths.remove(file);
        store();
    }

    /** The named workspace open when the window last closed; empty when it was the untitled one. */
    Optional<Path> last() {
        String path = node.get(LAST, "");
        return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /** Remembers the workspace open now; null for the untitled one. */
    void setLast(Path file) {
        node.put(LAST, file == null ? "" : file.toAbsolutePath().normalize().toString());
    }

    private void store() {
        for (int i = 0; i < LIMIT; i++) {
            node.put(RECENT + i, i < paths.size() ? paths.get(i).toString() : "");
        }
    }
}
