package com.socketworkbench.ui.theme;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both themes read well: every text colour of every stylesheet holds WCAG AA (4.5:1) on what it is drawn on, the
 * signals (direction arrows, states, HTTP status classes, verdicts, warnings) stay apart, and no rule names a colour
 * of its own, so a theme's variables reach everything.
 */
class ThemeContrastTest {
    static final String COMMON = "/com/socketworkbench/ui/tab/workbench.css";
    static final String DARK = "/com/socketworkbench/ui/theme/dark.css";
    /** Every stylesheet of the app (a new one is found, not listed), the shared one first; the dark theme's apart. */
    static final List<String> STYLESHEETS = stylesheets();
    private static final Pattern LITERAL_COLOUR = Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|\\b(?:rgba?|hsba?)\\(|\\b(?:white|black|red|green|blue|gray|grey|yellow|orange)\\b");

    private static List<String> stylesheets() {
        try {
            Path classes = Path.of(Objects.requireNonNull(ThemeContrastTest.class.getResource(COMMON)).toURI())
                    .getParent().getParent().getParent().getParent().getParent();
            try (Stream<Path> files = Files.walk(classes.resolve("com/socketworkbench"))) {
                List<String> found = files.filter(file -> file.toString().endsWith(".css"))
                        .map(file -> "/" + classes.relativize(file).toString().replace('\\', '/'))
                        .filter(name -> !name.equals(COMMON) && !name.equals(DARK)).sorted().toList();
                List<String> all = new ArrayList<>(List.of(COMMON));
                all.addAll(found);
                return List.copyOf(all);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the stylesheets", e);
        }
    }

    static CssPalette palette(Theme theme) {
        CssPalette palette = new CssPalette();
        STYLESHEETS.forEach(palette::addResource);
        if (theme == Theme.DARK) {
            palette.addResource(DARK);
        }
        return palette;
    }

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "DARK"})
    void everyTextColourHoldsFourAndAHalfToOne(Theme theme) {
        CssPalette palette = palette(theme);
        List<ContrastCheck.Pair> pairs = ContrastCheck.pairs(palette);
        assertTrue(pairs.size() > 100, "the check found the text rules: " + pairs.size());
        List<ContrastCheck.Pair> failures = ContrastCheck.failures(palette);
        assertTrue(failures.isEmpty(), theme + " below 4.5:1:\n" + String.join("\n",
                failures.stream().map(ContrastCheck.Pair::toString).toList()));
    }

    @Test
    void everyStylesheetIsRead() {
        assertTrue(STYLESHEETS.containsAll(List.of(COMMON, "/com/socketworkbench/app/window.css",
                "/com/socketworkbench/ui/http/http.css", "/com/socketworkbench/ui/tools/tools.css",
                "/com/socketworkbench/ui/udp/udp.css", "/com/socketworkbench/ui/stream/stream.css",
                "/com/socketworkbench/ui/tcpserver/tcp-server.css")), STYLESHEETS.toString());
        assertFalse(STYLESHEETS.contains(DARK));
    }

    @Test
    void theCheckCatchesABadPair() {
        CssPalette palette = CssPalette.of(palette(Theme.DARK).variables()).add("bad.css", """
                .badge-grey { -fx-text-fill: -sw-fg-muted; -fx-background-color: -sw-border; }
                .row.failed { -fx-background-color: -sw-danger-emphasis; }
                .row.failed .cell { -fx-text-fill: -sw-danger; }
                .plain-note { -fx-fill: -sw-bg-hover; }
                """);
        List<String> failing = ContrastCheck.failures(palette).stream().map(ContrastCheck.Pair::selector).distinct()
                .toList();
        assertTrue(failing.contains(".badge-grey"), failing.toString());
        assertTrue(failing.contains(".row.failed .cell"), "judged against its row's background: " + failing);
        assertTrue(failing.contains(".plain-note"), "judged against the window's surfaces: " + failing);
        assertEquals(3, failing.size(), failing.toString());
    }

    @Test
    void contrastIsWcags() {
        assertEquals(21.0, ContrastCheck.ratio(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1.0, ContrastCheck.ratio(Color.web("#777777"), Color.web("#777777")), 1e-9);
        assertEquals(4.48, ContrastCheck.ratio(Color.web("#777777"), Color.WHITE), 0.01);
    }

    @Test
    void noRuleNamesAColourOfItsOwn() {
        List<String> literal = new ArrayList<>();
        List<String> all = new ArrayList<>(STYLESHEETS);
        all.add(DARK);
        for (String sheet : all) {
            for (CssPalette.Rule rule : new CssPalette().addResource(sheet).rules()) {
                if (rule.selectors().equals(List.of(".root"))) {
                    continue;
                }
                rule.declarations().forEach((property, value) -> {
                    if (LITERAL_COLOUR.matcher(value).find()) {
                        literal.add(sheet + " " + rule.selectors() + " " + property + ": " + value);
                    }
                });
            }
        }
        assertTrue(literal.isEmpty(), "colours belong in .root variables:\n" + String.join("\n", literal));
    }

    @Test
    void darkRedefinesEveryColourTheLightThemeDefines() {
        Map<String, String> light = palette(Theme.LIGHT).variables();
        CssPalette dark = new CssPalette().addResource(DARK);
        List<String> missing = new ArrayList<>();
        light.forEach((name, value) -> {
            boolean literal = !value.startsWith("-") && !name.startsWith("-fx-font");
            if (literal && !dark.variables().containsKey(name)) {
                missing.add(name);
            }
        });
        assertTrue(missing.isEmpty(), "dark.css leaves these light: " + missing);
    }

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "DARK"})
    void signalsStayApart(Theme theme) {
        CssPalette palette = palette(theme);
        // Direction arrows and event rows of the timeline.
        apart(10, palette, "-sw-received", "-sw-sent", "-sw-fg-muted");
        // Socket states: idle badge, active badge, errors, warnings.
        apart(10, palette, "-sw-fg-muted", "-sw-success", "-sw-danger", "-sw-warning");
        // HTTP status classes and verdict severities.
        apart(10, palette, "-sw-http-1xx", "-sw-http-2xx", "-sw-http-3xx", "-sw-http-4xx", "-sw-http-5xx");
        apart(10, palette, "-sw-danger", "-sw-warning", "-sw-accent-fg");
        // Tinted backgrounds of the states (under text of their own colour) differ from each other and the surface.
        apart(4, palette, "-sw-bg", "-sw-danger-subtle", "-sw-warning-subtle", "-sw-success-subtle",
                "-sw-accent-subtle");
    }

    /** Every two of {@code names} differ by at least a CIE76 ΔE of {@code minimum} (about 2.3 is just noticeable). */
    private static void apart(double minimum, CssPalette palette, String... names) {
        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                Color a = palette.resolve(names[i]);
                Color b = palette.resolve(names[j]);
                assertNotNull(a, names[i]);
                assertNotNull(b, names[j]);
                double distance = deltaE(a, b);
                assertFalse(distance < minimum, "%s %s and %s %s are too alike: ΔE %.1f".formatted(names[i],
                        ContrastCheck.hex(a), names[j], ContrastCheck.hex(b), distance));
            }
        }
    }

    private static double deltaE(Color a, Color b) {
        double[] x = lab(a);
        double[] y = lab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    /** CIE L*a*b* (D65) of an sRGB colour. */
    private static double[] lab(Color c) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
