package com.socketworkbench.app;

import com.socketworkbench.ui.fx.Tips;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts a user can read in a part of the window (labels, buttons, prompts, tooltips, tab titles, table headers,
 * placeholders, menu items), each with where it was found, and the English words left in them. FX thread only.
 *
 * <p>A word counts as English when it has two letters or more in a row and is none of: all capitals (protocol tokens:
 * GET, RST, EPIPE, TCP), a token with a digit, dot, slash, colon or underscore in it (IPv4, UTF-8, example.org,
 * SO_REUSEADDR, *.json), or a word of {@link #ALLOWED} (the product's name, key names, units, host names).
 */
final class VisibleTexts {
    /** Words that stay as they are in Chinese. */
    static final Set<String> ALLOWED = Set.of(
            "Socket", "Workbench", // the product's name
            "Ctrl", "Alt", "Shift", "Tab", "Enter", "Meta", "Cmd", "Esc", "Space", // key names
            "English", // the language's name in its own words (View → Language)
            "localhost", "lo", "root", "example", "org", "com", // host names, the superuser
            "KiB", "MiB", "GiB", "TiB", "ms", "µs", "ns", "kB", "MB", "GB", "bps", "kbps", "Mbps", "Gbps", // units
            "End", "Home", "Up", "Down", "Delete", "Backspace", "Insert", // more key names
            "Java", "Python", "Unix", "Linux", "Wireshark", "pcapng", "curl", "cURL", "epoll", "http", "https", // names
            "hosts", // the hosts file
            "Content", "Length", "Type", "Transfer", "Encoding", "User", "Agent", "Accept", "Host", "Connection",
            "Keep", "Alive", "Cookie", "Authorization", "Basic", // HTTP header names and schemes
            "WebSocket", // the protocol's name (RFC 6455), as written in Chinese too
            "unsigned", "char", "byte", "xNN"); // code: C and Java array literals, the \xNN escape
    private static final Pattern TOKEN = Pattern.compile("[\\p{Alnum}_.:/*%@#\\[\\]-]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    /**
     * What is quoted or code rather than prose: `command`, “an error the OS words”, "…", { array literal }, a
     * function name before its parenthesis, an assignment of an array literal (close(), select()), a Windows path, hex byte pairs (de ad be ef), and
     * this machine's host name (Tools shows it).
     */
    private static final Pattern CODE = Pattern.compile(
            "`[^`]*`|[A-Za-z_]\\w*\\s*=\\s*\\{[^}]*}|“[^”]*”|\"[^\"]*\"|\\{[^}]*}|[A-Za-z_][A-Za-z0-9_.]*\\(|\\S*\\\\\\S*|\\b[a-f]{2}\\b");

    /** One text and where it was seen ({@code Label#startStop}, {@code Tab tcpServerTab}, {@code tooltip of #port}). */
    record Seen(String where, String text) {
    }

    private final List<Seen> seen = new ArrayList<>();

    List<Seen> seen() {
        return seen;
    }

    /** Every text of the shown nodes under {@code root}. */
    VisibleTexts node(Node root) {
        if (!root.isVisible()) {
            return this;
        }
        String where = root.getClass().getSimpleName() + (root.getId() == null ? "" : "#" + root.getId());
        if (root instanceof Labeled labeled) {
            add(where, labeled.getText());
        }
        if (root instanceof TextInputControl input) {
            add("prompt of " + where, input.getPromptText());
        }
        if (root instanceof ComboBoxBase<?> box) {
            add("prompt of " + where, box.getPromptText());
        }
        if (root instanceof Control control) {
            // Made or still waiting for the first hover (ui.fx.Tips): the text is on screen either way.
            String tip = Tips.text(control);
            if (tip != null) {
                add("tooltip of " + where, tip);
            }
        }
        if (root instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                add("Tab " + tab.getId(), tab.getText());
                tooltip("Tab " + tab.getId(), tab.getTooltip());
            }
        }
        if (root instanceof TableView<?> table) {
            table.getColumns().forEach(column -> column(where, column));
            if (table.getPlaceholder() != null) {
                node(table.getPlaceholder());
            }
        }
        if (root instanceof TreeTableView<?> table) {
            table.getColumns().forEach(column -> column(where, column));
        }
        if (root instanceof Text text && !(root.getParent() instanceof Labeled)) {
            add(where, text.getText());
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                node(child);
            }
        }
        return this;
    }

    /** Every item of {@code menus}, submenus included. */
    VisibleTexts menus(List<Menu> menus) {
        for (Menu menu : menus) {
            add("Menu #" + menu.getId(), menu.getText());
            for (MenuItem item : menu.getItems()) {
                if (item instanceof Menu submenu) {
                    menus(List.of(submenu));
                } else {
                    add("MenuItem #" + item.getId(), item.getText());
                }
            }
        }
        return this;
    }

    VisibleTexts add(String where, String text) {
        if (text != null && !text.isBlank()) {
            seen.add(new Seen(where, text));
        }
        return this;
    }

    /** "where: word in «text»" for each English word found; empty when there is none. */
    List<String> englishWords() {
        Set<String> found = new LinkedHashSet<>();
        for (Seen text : seen) {
            for (String word : englishWords(text.text())) {
                found.add(text.where() + ": \"" + word + "\" in \u00ab" + text.text() + "\u00bb");
            }
        }
        return List.copyOf(found);
    }

    static String withoutCode(String text) {
        String prose = CODE.matcher(text).replaceAll(" ");
        String host = HostName.LOCAL;
        return host.isEmpty() ? prose : prose.replaceAll("\\b" + Pattern.quote(host) + "\\b", " ");
    }

    /** This machine's name, which Tools shows as it is. */
    private static final class HostName {
        static final String LOCAL = read();

        private static String read() {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (java.io.IOException | RuntimeException notLinux) {
                String fromShell = System.getenv("HOSTNAME");
                return fromShell == null ? "" : fromShell.strip();
            }
        }
    }

    static List<String> englishWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher tokens = TOKEN.matcher(withoutCode(text));
        while (tokens.find()) {
            String token = tokens.group();
            if (token.chars().anyMatch(c -> Character.isDigit(c) || ".:/_*@#[]".indexOf(c) >= 0)) {
                continue;
            }
            for (String part : token.split("-")) {
                Matcher word = WORD.matcher(part);
                while (word.find()) {
                    String w = word.group();
                    if (!w.equals(w.toUpperCase(java.util.Locale.ROOT)) && !ALLOWED.contains(w)) {
                        words.add(w);
                    }
                }
            }
        }
        return words;
    }

    private void column(String where, TableColumnBase<?, ?> column) {
        if (column.isVisible()) {
            add("column of " + where, column.getText());
            column.getColumns().forEach(child -> column(where, child));
        }
    }

    private void tooltip(String where, Tooltip tooltip) {
        if (tooltip != null) {
            add("tooltip of " + where, tooltip.getText());
        }
    }

    /**
     * The labels under {@code root} whose text is cut short on screen (the text drawn ends in an ellipsis where the
     * label's own text does not), as "where: text".
     */
    /** Visible with every ancestor, laid out with some width, and inside the window: what a user can see. */
    private static boolean shown(javafx.scene.layout.Region region) {
        for (Node node = region; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        if (region.getWidth() < 8 || region.getScene() == null) {
            return false;
        }
        javafx.geometry.Bounds inScene = region.localToScene(region.getLayoutBounds());
        return inScene.getMaxX() > 0 && inScene.getMinX() < region.getScene().getWidth()
                && inScene.getMaxY() > 0 && inScene.getMinY() < region.getScene().getHeight();
    }

    static List<String> clipped(Node root) {
        List<String> cut = new ArrayList<>();
        for (Node node : root.lookupAll(".text")) {
            if (node instanceof Text drawn && drawn.getParent() instanceof Labeled labeled && shown(labeled)
                    && labeled.getText() != null && !drawn.getText().equals(labeled.getText())
                    && (drawn.getText().endsWith("...") || drawn.getText().endsWith("\u2026"))) {
                cut.add(labeled.getClass().getSimpleName() + (labeled.getId() == null ? "" : "#" + labeled.getId())
                        + ": " + labeled.getText() + " shown as " + drawn.getText());
            }
        }
        return cut;
    }
}
