package com.socketworkbench.workspace;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * One tab's settings as a tree of named string values, in key order. It is exactly what the tab's model writes into
 * its preferences node, so a tab needs no workspace-specific code: the window copies the node into a
 * {@code Settings} to save and back into a fresh {@link MemoryPreferences} to open.
 *
 * @param values   key to value, sorted by key
 * @param children child name to child settings, sorted by name
 */
public record Settings(SortedMap<String, String> values, SortedMap<String, Settings> children) {
    public static final Settings EMPTY = new Settings(new TreeMap<>(), new TreeMap<>());

    public Settings {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        children = Collections.unmodifiableSortedMap(new TreeMap<>(children));
    }

    /** The node's keys and children, recursively. */
    public static Settings of(Preferences node) {
        try {
            SortedMap<String, String> values = new TreeMap<>();
            for (String key : node.keys()) {
                String value = node.get(key, null);
                if (value != null) {
                    values.put(key, value);
                }
            }
            SortedMap<String, Settings> children = new TreeMap<>();
            for (String name : node.childrenNames()) {
                children.put(name, of(node.node(name)));
            }
            return new Settings(values, children);
        } catch (BackingStoreException e) {
            throw new IllegalStateException("Cannot read the settings of " + node.absolutePath(), e);
        }
    }

    /** A fresh in-memory node holding these settings. */
    public MemoryPreferences toPreferences() {
        MemoryPreferences root = new MemoryPreferences();
        writeTo(root);
        return root;
    }

    /** Writes every value and child into {@code node} (existing keys not named here are left alone). */
    public void writeTo(Preferences node) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            node.put(value.getKey(), value.getValue());
        }
        for (Map.Entry<String, Settings> child : children.entrySet()) {
            child.getValue().writeTo(node.node(child.getKey()));
        }
    }

    public boolean isEmpty() {
        return values.isEmpty() && children.isEmpty();
    }
}
