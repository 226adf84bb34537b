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
    /** False for a node that keeps the limits of the user's stored preferences (see {@link #withStoredLimits()}). */
    private final boolean anyLength;

    public MemoryPreferences() {
        this(null, "", true);
    }

    private MemoryPreferences(MemoryPreferences parent, String name, boolean anyLength) {
        super(parent, name);
        this.anyLength = anyLength;
    }

    /**
     * An in-memory node with the limits of the user's stored preferences ({@code AbstractPreferences.put} refuses a
     * value over 8 KiB or with a NUL), so a test sees what the real node would do without touching it.
     */
    public static MemoryPreferences withStoredLimits() {
        return new MemoryPreferences(null, "", false);
    }

    /**
     * Like every node, but without the 8 KiB value limit of stored preferences: a workspace keeps an HTTP request or
     * a message of any size.
     */
    @Override
    public void put(String key, String value) {
        if (!anyLength) {
            super.put(key, value);
            return;
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        synchronized (lock) {
            if (isRemoved()) {
                throw new IllegalStateException("Node has been removed");
            }
            putSpi(key, value);
        }
    }

    /** Whether a value of any length can be put (a workspace node) or only up to {@link #MAX_VALUE_LENGTH}. */
    public static boolean holdsAnyLength(java.util.prefs.Preferences node) {
        return node instanceof MemoryPreferences memory && memory.anyLength;
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
        return children.computeIfAbsent(name, n -> new MemoryPreferences(this, n, anyLength));
    }

    @Override
    protected void syncSpi() {
    }

    @Override
    protected void flushSpi() {
    }
}
