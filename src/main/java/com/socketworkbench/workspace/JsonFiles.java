package com.socketworkbench.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON conventions every file the app writes by hand follows: two-space indent, {@code "key": value}, LF line
 * ends whatever the platform, a final newline; and a strict reader (duplicate keys are an error, the message
 * names line and column).
 */
final class JsonFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonFiles() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The tree as the files are written: pretty, in insertion order, LF, ending with a newline. */
    static String write(JsonNode tree) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree built in memory failed to serialise", e);
        }
    }

    /** Parses {@code text}; a syntax error becomes "line L, column C: what". */
    static JsonNode read(String text, String what) throws WorkspaceFormatException {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode tree = MAPPER.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.empty", what));
            }
            if (parser.nextToken() != null) {
                throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.trailing",
                        parser.currentLocation().getLineNr(), parser.currentLocation().getColumnNr(), what));
            }
            return tree;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String line = where == null ? "" : WorkspaceTexts.TEXT.get("error.syntax.at", where.getLineNr(),
                    where.getColumnNr());
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.syntax", line, firstLine(e.getOriginalMessage())), e);
        } catch (java.io.IOException e) {
            throw new WorkspaceFormatException(WorkspaceTexts.TEXT.get("error.unreadable", what, e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return WorkspaceTexts.TEXT.get("error.syntax.malformed");
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
