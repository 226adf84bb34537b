package com.socketworkbench.ui.tools;

import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.Resolver;
import com.socketworkbench.ui.fx.FxUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Tools tab built with Simplified Chinese chosen speaks Chinese: every card's labels, headers, prompts, chips
 * and tooltips. What may stay Latin is code (API names, hex, addresses), protocol tokens and the glossary's
 * untranslated names (IPv4, TCP, RFC...). Nothing is looked up: the view is built without activating the model.
 */
@Timeout(60)
class ToolsChineseTextsTest {
    /** Words that stay as they are in Chinese: protocol and standard names, not English prose. */
    private static final Set<String> KEPT = Set.of("IPv4", "IPv6", "TCP", "UDP", "IP", "MTU", "MAC", "CIDR",
            "IANA", "RFC", "DNS", "PTR", "Java", "Python", "Linux", "SYN", "ACK", "RST", "NAT64", "NAT", "DHCP",
            "OSPF", "ACL", "SO_BROADCAST", "tcp", "udp", "http", "ssh", "ip", "address", "localhost", "getservbyname",
            "getservbyport", "proto", "inet_aton", "ECONNREFUSED", "OSError", "Inet6Address", "ServiceTable",
            "SubnetCalculator", "SLAAC", "Teredo", "MySQL", "HTTP", "DSCP", "SYN-ACK", "hosts", "new",
            // Exception classes a learner will meet, and the JDK's own message, quoted as it is.
            "ConnectException", "ConnectionRefusedError", "SocketTimeoutException", "TimeoutError",
            "UnknownHostException", "Connection", "refused");
    /**
     * The host and port fields come from com.socketworkbench.ui.input (HostField, PortField), whose texts are
     * another bundle's; this test is about the Tools tab's own.
     */
    private static final Set<String> NOT_OURS = Set.of("portCheckHost", "portCheckPort");
    /** A token that is code, not prose: it has brackets, dots, underscores, colons, digits or similar. */
    private static final Pattern CODE = Pattern.compile(".*[.()_:/\\[\\]'`=%0-9!].*");
    private static final Pattern WORDS = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9_.()/:'`=%\\[\\]!-]*");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void everyCardReadsInChineseWhenChineseIsChosen() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        List<String> texts = fx(() -> {
            Subscriptions subscriptions = new Subscriptions();
            ToolsViewModel model = new ToolsViewModel(InMemoryPreferences.fresh(), new Resolver(),
                    new FxUiExecutor(), subscriptions);
            ToolsView view = new ToolsView(model, subscriptions);
            List<String> all = new ArrayList<>();
            for (Tool tool : Tool.values()) {
                all.add(tool.title());
                all.add(tool.summary());
                collect(view.card(tool), all);
            }
            subscriptions.dispose();
            return all;
        });

        assertTrue(texts.contains("本机"), texts.toString());
        assertTrue(texts.contains("子网计算器"), texts.toString());
        assertTrue(texts.contains("接口"), "the interfaces table's first column: " + texts);
        assertTrue(texts.contains("各种结果的含义"), texts.toString());
        assertTrue(texts.contains("被拒绝"), "the port check's legend chips: " + texts);
        assertTrue(texts.contains("识别为点分十进制"), "the converter's live reading of 127.0.0.1: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("回环（127.0.0.0/8）")),
                "the classification of 127.0.0.1: " + texts);
        assertTrue(texts.contains("任意协议"), "the protocol choice: " + texts);

        Set<String> english = new TreeSet<>();
        for (String text : texts) {
            Matcher words = WORDS.matcher(text);
            while (words.find()) {
                String word = words.group().replaceAll("[.,;:!]+$", "");
                if (!word.isEmpty() && !CODE.matcher(word).matches() && !KEPT.contains(word)) {
                    english.add(word + "  ← " + text);
                }
            }
        }
        assertEquals(Set.of(), english, "English words in the Chinese Tools tab");
    }

    @Test
    void theTabTitleAndTheStatusLineAreChineseToo() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        fxRun(() -> {
            Subscriptions subscriptions = new Subscriptions();
            ToolsViewModel model = new ToolsViewModel(InMemoryPreferences.fresh(), new Resolver(),
                    new FxUiExecutor(), subscriptions);
            model.selectedProperty().set(Tool.SUBNET);
            assertEquals("子网计算器：192.168.1.0/24 · 254 台主机", model.status().stateProperty().get());
            subscriptions.dispose();
        });
    }

    /** Visible words of a node and everything under it: texts, prompts, headers, placeholders and tooltips. */
    private static void collect(Node node, List<String> out) {
        if (node == null || node.getId() != null && NOT_OURS.contains(node.getId())) {
            return;
        }
        if (node instanceof Labeled labeled) {
            add(labeled.getText(), out);
        }
        if (node instanceof Text text) {
            add(text.getText(), out);
        }
        if (node instanceof TextInputControl input) {
            add(input.getPromptText(), out);
        }
        if (node instanceof ComboBox<?> combo) {
            combo.getItems().forEach(item -> add(String.valueOf(item), out));
        }
        if (node instanceof Control control && Tips.text(control) != null) {
            add(Tips.text(control), out);
        }
        if (node instanceof TableView<?> table) {
            for (TableColumnBase<?, ?> column : table.getColumns()) {
                add(column.getText(), out);
            }
            collect(table.getPlaceholder(), out);
            if (table.getContextMenu() != null) {
                table.getContextMenu().getItems().forEach(item -> add(item.getText(), out));
            }
        }
        if (node instanceof ScrollPane scroll) {
            collect(scroll.getContent(), out);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static void add(String text, List<String> out) {
        if (text != null && !text.isBlank()) {
            out.add(text);
        }
    }
}
