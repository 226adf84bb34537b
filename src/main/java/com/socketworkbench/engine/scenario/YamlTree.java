package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming parser, which knows each token's line and column
 * (a databind tree would forget them). Duplicate keys are an error here, not a silent overwrite.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String file;

    private YamlTree(String file) {
        this.file = file;
    }

    /** The document's root; an empty document is an error. */
    static YamlNode read(String text, String file) throws ScenarioException {
        return new YamlTree(file).readDocument(text);
    }

    private YamlNode readDocument(String text) throws ScenarioException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ScenarioException(new SourceLocation(file, 1, 1), TEXT.get("error.empty"));
            }
            YamlNode root = readValue(parser);
            if (parser.nextToken() != null) {
                throw new ScenarioException(at(parser.currentTokenLocation()), TEXT.get("error.several.documents"));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            SourceLocation location = where == null ? new SourceLocation(file, 1, 1) : at(where);
            throw new ScenarioException(location, TEXT.get("error.syntax", firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            // Reading a String cannot fail for I/O reasons; anything else here is still the text's fault.
            throw new ScenarioException(new SourceLocation(file, 1, 1), TEXT.get("error.syntax", e.getMessage()));
        }
    }

    private YamlNode readValue(JsonParser parser) throws IOException, ScenarioException {
        SourceLocation location = at(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyLocation = at(parser.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new ScenarioException(keyLocation, TEXT.get("error.key.duplicate", key));
                    }
                    parser.nextToken();
                    entries.put(key, new YamlNode.Entry(key, keyLocation, readValue(parser)));
                }
                return new YamlNode.Mapping(location, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                return new YamlNode.Sequence(location, items);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(location, parser.getText(), YamlNode.Scalar.Kind.INTEGER);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(location, parser.getText(), YamlNode.Scalar.Kind.DECIMAL);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(location, parser.getText(), YamlNode.Scalar.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(location, "", YamlNode.Scalar.Kind.NULL);
            }
            default -> {
                return new YamlNode.Scalar(location, parser.getText(), YamlNode.Scalar.Kind.STRING);
            }
        }
    }

    private SourceLocation at(JsonLocation where) {
        return new SourceLocation(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
