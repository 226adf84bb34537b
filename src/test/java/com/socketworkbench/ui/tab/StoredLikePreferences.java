package com.socketworkbench.ui.tab;

import java.util.Map;
import java.util.TreeMap;
import java.util.prefs.AbstractPreferences;

/**
 * An in-memory node with the limits of the user's stored preferences ({@code AbstractPreferences.put} refuses a value
 * over 8 KiB or with a NUL), so a test sees what the real node would do without touching it.
 */
public final class StoredLikePreferences extends AbstractPreferences {
    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, StoredLikePreferences> children = new TreeMap<>();

    public StoredLikePreferences() {
        this(null, "");
    }

    private StoredLikePreferences(StoredLikePreferences parent, String name) {
        super(parent, name);
    }

    @Override
    protected void putSpi(String key, String value) {
        values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
        return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
        values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {
        values.clear();
        children.clear();
        if (parent() instanceof StoredLikePreferences parent) {
            parent.children.remove(name());
        }
    }

    @Override
    protected String[] keysSpi() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    protected String[] childrenNamesSpi() {
        return children.keySet().toArray(String[]::new);
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        return children.computeIfAbsent(name, n -> new StoredLikePreferences(this, n));
    }

    @Override
    protected void syncSpi() {
    }

    @Override
    protected void flushSpi() {
    }
}
