package com.socketworkbench.engine.scenario;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node keeps where it was written, so that a semantic error (an unknown
 * connection, a bad duration) can name its line and column just as a syntax error does.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    SourceLocation location();

    /**
     * A scalar as written ({@code text} is the scalar's own text, so {@code 0102} stays "0102");
     * {@code quoted} is false for plain scalars YAML reads as numbers, booleans or null.
     */
    record Scalar(SourceLocation location, String text, Kind kind) implements YamlNode {
        enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }
    }

    /** Keys in the order written. */
    record Mapping(SourceLocation location, Map<String, Entry> entries) implements YamlNode {
    }

    record Entry(String key, SourceLocation keyLocation, YamlNode value) {
    }

    record Sequence(SourceLocation location, List<YamlNode> items) implements YamlNode {
    }
}
