package com.socketworkbench.ui.tab;

import com.socketworkbench.workspace.MemoryPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The user's remembered settings (window bounds, last host/port/bind choices) on top of {@link Preferences}. Passed
 * into the window and the tabs rather than looked up globally, so tests can hand in a throwaway node.
 *
 * <p>The node comes from the system property {@value #NODE_PROPERTY} when set (tests and side-by-side
 * installations), otherwise {@value #DEFAULT_NODE} under the user root.
 */
public final class AppPreferences {
    public static final String NODE_PROPERTY = "socketworkbench.prefs.node";
    public static final String DEFAULT_NODE = "/com/socketworkbench/workbench";

    private static final Logger LOG = LoggerFactory.getLogger(AppPreferences.class);

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's node, or the one named by {@value #NODE_PROPERTY}. */
    public static AppPreferences fromSystemProperty() {
        return new AppPreferences(Preferences.userRoot().node(nodePath()));
    }

    /** The absolute node path {@link #fromSystemProperty()} uses. */
    public static String nodePath() {
        String configured = System.getProperty(NODE_PROPERTY, "").trim();
        return configured.isEmpty() ? DEFAULT_NODE : configured;
    }

    /**
     * Where {@code preferences} are kept, for the user to read: the node's path and, for the user's own Java
     * preferences, the file or registry key behind them on this platform.
     */
    public static String describe(AppPreferences preferences) {
        String path = preferences.node.absolutePath();
        if (preferences.node.isUserNode() && !MemoryPreferences.holdsAnyLength(preferences.node)) {
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            if (os.contains("win")) {
                return "HKEY_CURRENT_USER\\Software\\JavaSoft\\Prefs" + path.replace('/', '\\');
            }
            if (os.contains("mac")) {
                return "~/Library/Preferences/com.apple.java.util.prefs.plist (" + path + ")";
            }
            return "~/.java/.userPrefs" + path + "/prefs.xml";
        }
        return path;
    }

    /** A sub-node for one tab or component, e.g. {@code child("tcpServer")}. */
    public AppPreferences child(String name) {
        return new AppPreferences(node.node(name));
    }

    public Preferences node() {
        return node;
    }

    public String get(String key, String fallback) {
        return node.get(key, fallback);
    }

    public int getInt(String key, int fallback) {
        return node.getInt(key, fallback);
    }

    public double getDouble(String key, double fallback) {
        return node.getDouble(key, fallback);
    }

    public boolean getBoolean(String key, boolean fallback) {
        return node.getBoolean(key, fallback);
    }

    public void put(String key, String value) {
        node.put(key, value);
    }

    /** A folder kept under {@code key} (where a dialog opens next), or the user's home when none or no path is kept. */
    public java.nio.file.Path folder(String key) {
        String home = System.getProperty("user.home", ".");
        try {
            return java.nio.file.Path.of(node.get(key, home));
        } catch (java.nio.file.InvalidPathException e) {
            return java.nio.file.Path.of(home);
        }
    }

    /**
     * Puts {@code value} when the node can hold it: a workspace tab's in-memory node holds any length, stored
     * preferences at most {@link Preferences#MAX_VALUE_LENGTH} characters and no NUL, which they refuse (such a value
     * is skipped, and the previous one stays).
     *
     * @return false when the value was skipped
     */
    public boolean putText(String key, String value) {
        if (!MemoryPreferences.holdsAnyLength(node)
                && (value.length() > Preferences.MAX_VALUE_LENGTH || value.indexOf('\u0000') >= 0)) {
            return false;
        }
        node.put(key, value);
        return true;
    }

    public void putInt(String key, int value) {
        node.putInt(key, value);
    }

    public void putDouble(String key, double value) {
        node.putDouble(key, value);
    }

    public void putBoolean(String key, boolean value) {
        node.putBoolean(key, value);
    }

    /** Writes pending changes to the backing store; a failure is logged, never thrown (settings are a nicety). */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("Could not save preferences to {}: {}", node.absolutePath(), e.getMessage());
        }
    }
}
