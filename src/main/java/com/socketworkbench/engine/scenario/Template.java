package com.socketworkbench.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code ${name}} variables, split once when the file is read so that a step repeated 10,000 times does
 * not scan its text each time. {@code $${} writes a literal {@code ${}.
 */
record Template(String source, List<Part> parts) {
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");

    /** A literal run of text, or (when {@code variable}) a variable's name. */
    record Part(String text, boolean variable) {
    }

    /**
     * Splits {@code source}.
     *
     * @return the template, or the first malformed reference's name (as {@link BadReference}) via exception
     */
    static Template of(String source) throws BadReference {
        List<Part> parts = new ArrayList<>();
        Matcher m = REFERENCE.matcher(source);
        StringBuilder literal = new StringBuilder();
        int last = 0;
        while (m.find()) {
            literal.append(source, last, m.start());
            if (m.group(1) == null) {
                literal.append("${");
            } else {
                String name = m.group(1).strip();
                if (!NAME.matcher(name).matches()) {
                    throw new BadReference(m.group(), m.start());
                }
                if (!literal.isEmpty()) {
                    parts.add(new Part(literal.toString(), false));
                    literal.setLength(0);
                }
                parts.add(new Part(name, true));
            }
            last = m.end();
        }
        literal.append(source.substring(last));
        if (!literal.isEmpty() || parts.isEmpty()) {
            parts.add(new Part(literal.toString(), false));
        }
        return new Template(source, List.copyOf(parts));
    }

    boolean hasVariables() {
        return parts.stream().anyMatch(Part::variable);
    }

    List<String> variables() {
        return parts.stream().filter(Part::variable).map(Part::text).toList();
    }

    /** The text with the variables' values; a variable without a value is {@link MissingVariable}. */
    String render(Map<String, String> values) throws MissingVariable {
        return render(values, UnaryOperator.identity());
    }

    /** Like {@link #render(Map)}, each value passed through {@code quote} first (a regex quotes its values). */
    String render(Map<String, String> values, UnaryOperator<String> quote) throws MissingVariable {
        if (parts.size() == 1 && !parts.getFirst().variable()) {
            return parts.getFirst().text();
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (!part.variable()) {
                out.append(part.text());
                continue;
            }
            String value = values.get(part.text());
            if (value == null) {
                throw new MissingVariable(part.text());
            }
            out.append(quote.apply(value));
        }
        return out.toString();
    }

    /** A {@code ${...}} whose name is not a valid variable name. */
    static final class BadReference extends Exception {
        final String reference;
        final int index;

        BadReference(String reference, int index) {
            super(reference, null, false, false);
            this.reference = reference;
            this.index = index;
        }
    }

    /** A variable used before any value was given to it. */
    static final class MissingVariable extends Exception {
        final String name;

        MissingVariable(String name) {
            super(name, null, false, false);
            this.name = name;
        }
    }
}
