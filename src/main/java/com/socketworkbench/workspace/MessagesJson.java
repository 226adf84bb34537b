package com.socketworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The message library as JSON, inside a workspace ({@code "messages": [...]}) and as a file of its own for import and
 * export: {@code {"version": 1, "messages": [...]}}. Importing also accepts a workspace file and takes its library.
 */
public final class MessagesJson {
    private MessagesJson() {
    }

    /** A library file's text. */
    public static String write(List<SavedMessage> messages) {
        ObjectNode root = JsonFiles.object();
        root.put("version", Workspace.VERSION);
        root.set("messages", toArray(messages));
        return JsonFiles.write(root);
    }

    /** The messages of a library file (or of a workspace file). */
    public static List<SavedMessage> read(String text) throws WorkspaceFormatException {
        JsonNode root = JsonFields.object(JsonFiles.read(text, WorkspaceTexts.TEXT.get("what.library")),
                WorkspaceTexts.TEXT.get("what.file"));
        WorkspaceJson.checkVersion(root, WorkspaceTexts.TEXT.get("what.library"));
        if (!root.has("messages")) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.noMessages"));
        }
        return fromArray(root, "");
    }

    static ArrayNode toArray(List<SavedMessage> messages) {
        ArrayNode array = JsonFiles.object().arrayNode();
        for (SavedMessage message : messages) {
            ObjectNode node = array.addObject();
            node.put("name", message.name());
            node.put("format", JsonFields.name(message.format()));
            node.put("charset", message.charset());
            node.put("lineEnding", JsonFields.name(message.lineEnding()));
            node.put("text", message.text());
            node.put("note", message.note());
            if (message.fields()) {
                node.put("fields", true);
            }
        }
        return array;
    }

    static List<SavedMessage> fromArray(JsonNode parent, String path) throws WorkspaceFormatException {
        JsonNode array = JsonFields.array(parent, "messages", path);
        List<SavedMessage> messages = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "messages[" + i + "].";
            JsonNode node = JsonFields.object(array.get(i), path + "messages[" + i + "]");
            String name = JsonFields.text(node, "name", at);
            if (name.isBlank()) {
                throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.messageName", at));
            }
            String charset = JsonFields.optionalText(node, "charset", at, "UTF-8");
            if (!isSupported(charset)) {
                throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.charset", at, charset));
            }
            messages.add(new SavedMessage(name,
                    JsonFields.optionalText(node, "text", at, ""),
                    JsonFields.choice(node, "format", at, PayloadFormat.class, PayloadFormat.TEXT),
                    charset,
                    JsonFields.choice(node, "lineEnding", at, LineEnding.class, LineEnding.NONE),
                    JsonFields.optionalText(node, "note", at, ""),
                    JsonFields.optionalBoolean(node, "fields", at, false)));
        }
        return messages;
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
