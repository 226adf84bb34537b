package com.socketworkbench.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.fields.PayloadSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A tab's rules as one JSON text, the value a tab keeps in its settings (and so in a workspace file): an array of
 * {@code {name, enabled, match, pattern, delayMillis, reply: {text, format, charset, lineEnding, escapes, fields}}}.
 * Reading skips (and logs) an entry it cannot read rather than losing the others.
 */
public final class RulesJson {
    private static final Logger LOG = LoggerFactory.getLogger(RulesJson.class);

    /** Holder: a tab without rules never loads the mapper (tabs are made on the FX thread). */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private RulesJson() {
    }

    public static String write(List<Rule> rules) {
        ArrayNode array = Mapper.JSON.createArrayNode();
        for (Rule rule : rules) {
            ObjectNode node = array.addObject();
            node.put("name", rule.name());
            node.put("enabled", rule.enabled());
            node.put("match", rule.kind().name());
            node.put("pattern", rule.pattern());
            node.put("delayMillis", rule.delayMillis());
            PayloadSpec reply = rule.reply();
            ObjectNode spec = node.putObject("reply");
            spec.put("text", reply.text());
            spec.put("format", reply.format().name());
            spec.put("charset", reply.charset().name());
            spec.put("lineEnding", reply.lineEnding().name());
            spec.put("escapes", reply.escapes());
            spec.put("fields", reply.fields());
        }
        return array.toString();
    }

    /** The rules in {@code json}; empty for blank or unreadable text. */
    public static List<Rule> read(String json) {
        List<Rule> rules = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return rules;
        }
        JsonNode array;
        try {
            array = Mapper.JSON.readTree(json);
        } catch (Exception e) {
            LOG.warn("Saved rules are not readable JSON, ignored: {}", e.getMessage());
            return rules;
        }
        if (array == null || !array.isArray()) {
            LOG.warn("Saved rules are not a JSON array, ignored");
            return rules;
        }
        for (JsonNode node : array) {
            try {
                JsonNode spec = node.get("reply");
                PayloadSpec reply = new PayloadSpec(spec.get("text").asText(),
                        PayloadFormat.valueOf(spec.get("format").asText()),
                        SupportedCharsets.byName(spec.get("charset").asText()),
                        LineEnding.valueOf(spec.get("lineEnding").asText()),
                        spec.get("escapes").asBoolean(), spec.path("fields").asBoolean(false));
                rules.add(new Rule(node.get("name").asText(), node.path("enabled").asBoolean(true),
                        MatchKind.valueOf(node.get("match").asText()), node.path("pattern").asText(""), reply,
                        node.path("delayMillis").asLong(0)));
            } catch (RuntimeException e) {
                LOG.warn("A saved rule is not readable, skipped: {} ({})", node, e.toString());
            }
        }
        return rules;
    }
}
