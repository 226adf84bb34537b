package com.socketworkbench.ui.theme;

import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WCAG 2 contrast of every text colour the stylesheets set ({@code -fx-text-fill} on labels and controls,
 * {@code -fx-fill} on Text runs) against what it is drawn on: the rule's own background when it paints one, else the
 * background of the rule it sits in (the selector without its last part, e.g. a failed row for its cells), else
 * every surface text can sit on in the window (plain and subtle), and for text in lists and tables a selected row too.
 */
final class ContrastCheck {
    /** WCAG AA for normal text. */
    static final double MINIMUM = 4.5;
    /** The surfaces a text without a background of its own may sit on. */
    static final List<String> SURFACES = List.of("-sw-bg", "-sw-bg-subtle");
    /** The selected row, under text in a list or table cell. */
    static final String SELECTED = "-sw-accent-subtle";
    /** Selectors of text drawn in list and table cells (the timeline's rows, the HTTP history and verdicts...). */
    private static final Pattern IN_CELLS = Pattern.compile(
            "table|list-cell|row-text|history|verdict|hex-|tools-nav|message-|clients");

    /** One text colour on one background, and how they measure. */
    record Pair(String selector, String property, Color text, Color background, double ratio) {
        @Override
        public String toString() {
            return "%s { %s } %s on %s: %.2f:1".formatted(selector, property, hex(text), hex(background), ratio);
        }
    }

    /**
     * Rules whose {@code -fx-fill} paints a shape, not text: the hex dump's match and selection highlights (drawn
     * under the text, which keeps its own colour; the WebSocket payload's verdict bytes too) and the rate chart's
     * lines (stroked, their fill transparent).
     */
    static final Set<String> SHAPES = Set.of(".hex-match", ".hex-match-current", ".hex-selection",
            "#websocket .ws-hex-mark", ".rate-line", ".rate-line-received", ".rate-line-sent");

    private ContrastCheck() {
    }

    /** Every text/background pair the palette's rules can show. */
    static List<Pair> pairs(CssPalette palette) {
        List<Pair> pairs = new ArrayList<>();
        for (CssPalette.Rule rule : palette.rules()) {
            for (String property : List.of("-fx-text-fill", "-fx-fill")) {
                String value = rule.get(property);
                Color text = value == null ? null : palette.resolve(value);
                if (text == null) {
                    continue;
                }
                for (String selector : rule.selectors()) {
                    if (property.equals("-fx-fill") && SHAPES.contains(selector)) {
                        continue;
                    }
                    for (Color background : backgrounds(palette, rule, selector)) {
                        pairs.add(new Pair(selector, property + ": " + value, text, background,
                                ratio(text, background)));
                    }
                }
            }
        }
        return pairs;
    }

    /** The pairs below {@link #MINIMUM}. */
    static List<Pair> failures(CssPalette palette) {
        return pairs(palette).stream().filter(pair -> pair.ratio() < MINIMUM).toList();
    }

    private static Set<Color> backgrounds(CssPalette palette, CssPalette.Rule rule, String selector) {
        Set<Color> found = new LinkedHashSet<>();
        String own = rule.get("-fx-background-color");
        if (own != null) {
            addOpaque(found, palette.topBackground(own));
            if (!found.isEmpty()) {
                return found;
            }
        }
        boolean seeThrough = false;
        for (String container = container(selector); container != null; container = dropFirst(container)) {
            for (CssPalette.Rule candidate : palette.rules()) {
                String background = candidate.get("-fx-background-color");
                if (background == null) {
                    continue;
                }
                for (String other : candidate.selectors()) {
                    if (other.equals(container) || other.startsWith(container + ":")) {
                        Color top = palette.topBackground(background);
                        seeThrough |= top == null || top.getOpacity() < 1.0;
                        addOpaque(found, top);
                    }
                }
            }
            if (!found.isEmpty() && !seeThrough) {
                return found;
            }
        }
        for (String surface : SURFACES) {
            addOpaque(found, palette.resolve(surface));
        }
        if (IN_CELLS.matcher(selector).find()) {
            addOpaque(found, palette.resolve(SELECTED));
        }
        return found;
    }

    private static void addOpaque(Set<Color> into, Color color) {
        if (color != null && color.getOpacity() == 1.0) {
            into.add(color);
        }
    }

    /** The selector without its last compound ({@code .a > .b .c} → {@code .a > .b}); null for a single one. */
    private static String container(String selector) {
        int space = selector.lastIndexOf(' ');
        if (space < 0) {
            return null;
        }
        String rest = selector.substring(0, space).trim();
        if (rest.endsWith(">")) {
            rest = rest.substring(0, rest.length() - 1).trim();
        }
        return rest.isEmpty() ? null : rest;
    }

    /** The selector without its first compound ({@code .timeline .row} → {@code .row}); null for a single one. */
    private static String dropFirst(String selector) {
        int space = selector.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String rest = selector.substring(space + 1).trim();
        if (rest.startsWith(">")) {
            rest = rest.substring(1).trim();
        }
        return rest.isEmpty() ? null : rest;
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance of an opaque sRGB colour. */
    static double luminance(Color color) {
        return 0.2126 * linear(color.getRed()) + 0.7152 * linear(color.getGreen()) + 0.0722 * linear(color.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    static String hex(Color color) {
        return "#%02x%02x%02x".formatted(Math.round(color.getRed() * 255), Math.round(color.getGreen() * 255),
                Math.round(color.getBlue() * 255));
    }
}
