package com.socketworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@link Workspace} as the JSON text of a workspace file (schema: docs/workspace.md). Writing is deterministic: the
 * same workspace always gives the same bytes (fixed field order, settings keys sorted, LF), so a file diffs cleanly
 * in git. Settings values that read as a boolean or a whole number are written as JSON booleans and numbers, and
 * come back as the same text, so a value round-trips exactly.
 */
public final class WorkspaceJson {
    private static final Pattern CANONICAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,17}");

    private WorkspaceJson() {
    }

    public static String write(Workspace workspace) {
        ObjectNode root = JsonFiles.object();
        root.put("version", Workspace.VERSION);
        root.put("selectedTab", workspace.selectedTab());
        ArrayNode tabs = root.putArray("tabs");
        for (TabState tab : workspace.tabs()) {
            ObjectNode node = tabs.addObject();
            node.put("kind", tab.kind());
            node.put("title", tab.title());
            node.set("settings", settings(tab.settings()));
        }
        root.set("messages", MessagesJson.toArray(workspace.messages()));
        return JsonFiles.write(root);
    }

    public static Workspace read(String text) throws WorkspaceFormatException {
        JsonNode root = JsonFields.object(JsonFiles.read(text, WorkspaceTexts.TEXT.get("what.workspace")),
                WorkspaceTexts.TEXT.get("what.file"));
        checkVersion(root, WorkspaceTexts.TEXT.get("what.workspace"));
        if (!root.has("tabs")) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.noTabs"));
        }
        JsonNode tabsNode = JsonFields.array(root, "tabs", "");
        List<TabState> tabs = new ArrayList<>();
        for (int i = 0; i < tabsNode.size(); i++) {
            String path = "tabs[" + i + "]";
            JsonNode tab = JsonFields.object(tabsNode.get(i), path);
            String kind = JsonFields.text(tab, "kind", path + ".");
            String title = JsonFields.optionalText(tab, "title", path + ".", kind);
            JsonNode settings = tab.get("settings");
            tabs.add(new TabState(kind, title, settings == null || settings.isNull() ? Settings.EMPTY
                    : settings(JsonFields.object(settings, path + ".settings"), path + ".settings")));
        }
        List<SavedMessage> messages = root.has("messages") ? MessagesJson.fromArray(root, "") : List.of();
        return new Workspace(tabs, JsonFields.integer(root, "selectedTab", "", 0), messages);
    }

    /** Refuses files without a version, and files written by a newer build (opening them would lose what it added). */
    static void checkVersion(JsonNode root, String what) throws WorkspaceFormatException {
        JsonNode version = root.get("version");
        if (version == null) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.noVersion", what));
        }
        if (!version.isIntegralNumber() || version.asLong() < 1) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.badVersion", version));
        }
        if (version.asLong() > Workspace.VERSION) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.newerVersion",
                    what, version.asText(), Workspace.VERSION));
        }
    }

    private static ObjectNode settings(Settings settings) {
        ObjectNode node = JsonFiles.object();
        // Values and children in one key order, so the file reads like the settings pane.
        SortedMap<String, Object> all = new TreeMap<>(settings.values());
        all.putAll(settings.children());
        for (Map.Entry<String, Object> entry : all.entrySet()) {
            if (entry.getValue() instanceof Settings child) {
                node.set(entry.getKey(), settings(child));
            } else {
                putTyped(node, entry.getKey(), (String) entry.getValue());
            }
        }
        return node;
    }

    private static void putTyped(ObjectNode node, String key, String value) {
        if (value.equals("true") || value.equals("false")) {
            node.put(key, Boolean.parseBoolean(value));
        } else if (CANONICAL_INTEGER.matcher(value).matches()) {
            node.put(key, Long.parseLong(value));
        } else {
            node.put(key, value);
        }
    }

    private static Settings settings(JsonNode node, String path) throws WorkspaceFormatException {
        SortedMap<String, String> values = new TreeMap<>();
        SortedMap<String, Settings> children = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                children.put(field.getKey(), settings(value, path + "." + field.getKey()));
            } else if (value.isValueNode() && !value.isNull()) {
                values.put(field.getKey(), value.asText());
            } else {
                throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.settingValue",
                        path + "." + field.getKey()));
            }
        }
        return new Settings(values, children);
    }
}
