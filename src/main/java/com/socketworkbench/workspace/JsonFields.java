package com.socketworkbench.workspace;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** Reads fields of a parsed file with messages that name where the problem is ({@code tabs[2].kind}). */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode object(JsonNode node, String path) throws WorkspaceFormatException {
        if (node == null || !node.isObject()) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.object", path));
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String field, String path) throws WorkspaceFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.missing", path + field));
        }
        if (!node.isArray()) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.list", path + field));
        }
        return node;
    }

    static String text(JsonNode parent, String field, String path) throws WorkspaceFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.missing", path + field));
        }
        if (!node.isTextual()) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.string", path + field));
        }
        return node.asText();
    }

    static String optionalText(JsonNode parent, String field, String path, String fallback)
            throws WorkspaceFormatException {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? fallback : text(parent, field, path);
    }

    static boolean optionalBoolean(JsonNode parent, String field, String path, boolean fallback)
            throws WorkspaceFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.notBoolean", path + field));
        }
        return node.booleanValue();
    }

    static int integer(JsonNode parent, String field, String path, int fallback) throws WorkspaceFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.wholeNumber", path + field));
        }
        return node.asInt();
    }

    /** An enum written in lower case ({@code "crlf"}); the message lists what is allowed. */
    static <E extends Enum<E>> E choice(JsonNode parent, String field, String path, Class<E> type, E fallback)
            throws WorkspaceFormatException {
        String value = optionalText(parent, field, path, null);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(name(constant));
        }
        throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.choice", path + field, value, allowed));
    }

    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
