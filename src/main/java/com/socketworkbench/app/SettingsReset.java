package com.socketworkbench.app;

import com.socketworkbench.ui.tab.AppPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static com.socketworkbench.app.AppTexts.TEXT;

/**
 * View → Reset Settings: empties the user's preference node (window size and place, recent workspaces, language,
 * and whatever else the app keeps there) and says what it emptied. Workspace files, the untitled workspace among
 * them, live in the data folder and are never touched.
 *
 * <p>The nodes themselves stay, emptied: the window's parts hold on to their nodes ({@link WindowBounds},
 * {@link RecentWorkspaces}), and a removed node would throw at their next write.
 */
final class SettingsReset {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsReset.class);
    /** Children of the app's node that held the tabs' settings before workspaces (see {@link SessionStart}). */
    private static final List<String> LEGACY_TABS = TabKinds.all().stream().map(TabKind::id).toList();

    private SettingsReset() {
    }

    /**
     * Empties {@code preferences} and every node under it, and writes that to the backing store.
     *
     * @return what was reset, in words for the user ("window size and place, language"); empty when nothing was kept
     */
    static List<String> reset(AppPreferences preferences) {
        Preferences root = preferences.node();
        List<String> parts = new ArrayList<>();
        int other = 0;
        try {
            for (String key : root.keys()) {
                if (key.equals(AppLanguage.KEY)) {
                    parts.add(TEXT.get("reset.part.language"));
                } else {
                    other++;
                }
            }
            boolean legacy = false;
            for (String child : root.childrenNames()) {
                if (!hasAny(root.node(child))) {
                    continue;
                }
                switch (child) {
                    case "window" -> parts.add(TEXT.get("reset.part.window"));
                    case "workspaces" -> parts.add(TEXT.get("reset.part.recent"));
                    default -> {
                        if (LEGACY_TABS.contains(child)) {
                            legacy = true;
                        } else {
                            other++;
                        }
                    }
                }
            }
            if (legacy) {
                parts.add(TEXT.get("reset.part.legacyTabs"));
            }
            if (other > 0) {
                parts.add(TEXT.get("reset.part.other", other));
            }
            clear(root);
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("Could not reset the preferences in {}: {}", root.absolutePath(), e.getMessage());
        }
        preferences.flush();
        return parts;
    }

    /** The sentence the window shows after a reset. */
    static String report(List<String> parts) {
        return parts.isEmpty() ? TEXT.get("reset.nothing")
                : TEXT.get("reset.done", String.join(TEXT.get("reset.part.separator"), parts));
    }

    private static boolean hasAny(Preferences node) throws BackingStoreException {
        if (node.keys().length > 0) {
            return true;
        }
        for (String child : node.childrenNames()) {
            if (hasAny(node.node(child))) {
                return true;
            }
        }
        return false;
    }

    private static void clear(Preferences node) throws BackingStoreException {
        for (String child : node.childrenNames()) {
            clear(node.node(child));
        }
        node.clear();
    }
}
