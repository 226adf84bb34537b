package com.socketworkbench.ui.theme;

import javafx.scene.paint.Color;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's stylesheets read as text, with the looked-up colours of one theme resolved: variables come from every
 * rule that defines them ({@code .root}, {@code #http}), later stylesheets overriding earlier ones, as
 * dark.css overrides workbench.css in the scene. Enough CSS for our own files: rules, comments, comma lists.
 */
final class CssPalette {
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    /** One rule: its selectors (split at commas) and its declarations in order. */
    record Rule(String source, List<String> selectors, Map<String, String> declarations) {
        String get(String property) {
            return declarations.get(property);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> variables = new LinkedHashMap<>();

    /** Adds a stylesheet's rules; its variable definitions override those read before. */
    CssPalette add(String source, String css) {
        Matcher matcher = RULE.matcher(COMMENT.matcher(css).replaceAll(" "));
        while (matcher.find()) {
            Map<String, String> declarations = new LinkedHashMap<>();
            for (String declaration : matcher.group(2).split(";")) {
                int colon = declaration.indexOf(':');
                if (colon > 0) {
                    declarations.put(declaration.substring(0, colon).trim(), declaration.substring(colon + 1).trim());
                }
            }
            List<String> selectors = new ArrayList<>();
            for (String selector : matcher.group(1).split(",")) {
                selectors.add(selector.trim().replaceAll("\\s+", " "));
            }
            declarations.forEach((property, value) -> {
                if (isVariable(property)) {
                    variables.put(property, value);
                }
            });
            if (!declarations.keySet().stream().allMatch(CssPalette::isVariable)) {
                rules.add(new Rule(source, selectors, declarations));
            }
        }
        return this;
    }

    /** Adds a stylesheet from the class path, e.g. {@code /com/socketworkbench/ui/tab/workbench.css}. */
    CssPalette addResource(String path) {
        try (InputStream in = Objects.requireNonNull(CssPalette.class.getResourceAsStream(path), path)) {
            return add(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
    }

    /** A palette with {@code variables} and no rules (for checks on made-up rules). */
    static CssPalette of(Map<String, String> variables) {
        CssPalette palette = new CssPalette();
        palette.variables.putAll(variables);
        return palette;
    }

    List<Rule> rules() {
        return rules;
    }

    Map<String, String> variables() {
        return variables;
    }

    /**
     * The colour {@code value} stands for: a literal, a named colour or a chain of looked-up variables; null for what
     * is not a plain colour (gradients, {@code derive(...)}, unknown names).
     */
    Color resolve(String value) {
        String current = value.trim();
        for (int depth = 0; depth < 20; depth++) {
            if (current.startsWith("-")) {
                String next = variables.get(current);
                if (next == null) {
                    return null;
                }
                current = next.trim();
                continue;
            }
            try {
                return Color.web(current);
            } catch (IllegalArgumentException notAColour) {
                return null;
            }
        }
        throw new IllegalStateException("looked-up colour loop at " + value);
    }

    /** The top layer of a background list ({@code -sw-border, -sw-bg} paints -sw-bg over the border). */
    Color topBackground(String backgroundList) {
        List<String> layers = splitTopLevel(backgroundList);
        return resolve(layers.getLast());
    }

    static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).trim());
        return parts;
    }

    static boolean isVariable(String property) {
        return property.startsWith("-") && !property.startsWith("-fx-");
    }
}
