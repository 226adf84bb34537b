package com.socketworkbench.workspace;

import java.util.TreeMap;
import java.util.Map;
import java.util.Objects;
import java.util.prefs.AbstractPreferences;

/**
 * A preferences tree that lives only in memory. A workspace tab keeps its settings in one (the tab's model reads and
 * writes it exactly as it would the user's stored preferences), and {@link Settings} copies it to and from the
 * workspace file; tests use one so they never touch the user's stored settings.
 */
public final class MemoryPreferences extends AbstractPreferences {
    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, MemoryPreferences> children = new TreeMap<>();

    public MemoryPreferences() {
        this(null, "");
    }

    private MemoryPreferences(MemoryPreferences parent, String name) {
        super(parent, name);
    }

    /**
     * Like every node, but without the 8 KiB value limit of stored preferences: a workspace keeps an HTTP request or
     * a message of any size.
     */
    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        synchronized (lock) {
            if (isRemoved()) {
                throw new IllegalStateException("Node has been removed");
            }
            putSpi(key, value);
        }
    }

    /** Whether a value of any length can be put (this class) or only up to {@link #MAX_VALUE_LENGTH}. */
    public static boolean holdsAnyLength(java.util.prefs.Preferences node) {
        return node instanceof MemoryPreferences;
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

    /**
     * Forgets this node, in its parent too: otherwise the parent would still list the removed node and hand it out
     * again ({@code node(name)} after {@code removeNode()} then fails with "Node has been removed"). The caller holds
     * the parent's lock, as {@link AbstractPreferences#removeNode()} does.
     */
    @Override
    protected void removeNodeSpi() {
        children.clear();
        values.clear();
        if (parent() instanceof MemoryPreferences parent) {
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
        return children.computeIfAbsent(name, n -> new MemoryPreferences(this, n));
    }

    @Override
    protected void syncSpi() {
    }

    @Override
    protected void flushSpi() {
    }
}
