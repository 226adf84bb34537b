package com.socketworkbench.workspace;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceJsonTest {

    static Workspace sample() {
        MemoryPreferences client = new MemoryPreferences();
        client.put("host", "127.0.0.1");
        client.putInt("port", 8080);
        client.putBoolean("noDelay", true);
        client.put("leadingZero", "007");
        client.put("text", "GET / HTTP/1.1\\r\\n\n\"quoted\" 中文");
        client.node("framing").put("mode", "LENGTH_PREFIX");
        client.node("framing").putInt("prefixBytes", 2);
        return new Workspace(List.of(
                new TabState("tcpClient", "Device A", Settings.of(client)),
                new TabState("udp", "UDP", Settings.EMPTY)), 1,
                List.of(new SavedMessage("ping", "01 02 ff", PayloadFormat.HEX, "UTF-8", LineEnding.NONE, ""),
                        new SavedMessage("hello", "hi", PayloadFormat.TEXT, "GBK", LineEnding.CRLF, "greets")));
    }

    @Test
    void aWorkspaceComesBackEqualAndTheSameWorkspaceAlwaysGivesTheSameText() throws Exception {
        String text = WorkspaceJson.write(sample());
        assertEquals(sample(), WorkspaceJson.read(text));
        assertEquals(text, WorkspaceJson.write(WorkspaceJson.read(text)));
    }

    @Test
    void theTextIsPrettyWithLfOnlyAFinalNewlineAndAFixedFieldOrder() {
        String text = WorkspaceJson.write(sample());
        assertFalse(text.contains("\r"), "no CR");
        assertTrue(text.endsWith("}\n"));
        assertTrue(text.startsWith("{\n  \"version\": 1,\n  \"selectedTab\": 1,\n  \"tabs\": [\n"), text);
        assertTrue(text.indexOf("\"tabs\"") < text.indexOf("\"messages\""));
        // Settings sorted by key, children among the values.
        assertTrue(text.indexOf("\"framing\"") < text.indexOf("\"host\"") && text.indexOf("\"host\"")
                < text.indexOf("\"leadingZero\"") && text.indexOf("\"noDelay\"") < text.indexOf("\"port\""), text);
    }

    @Test
    void numbersAndBooleansAreWrittenTypedAndReadBackAsTheSameText() throws Exception {
        String text = WorkspaceJson.write(sample());
        assertTrue(text.contains("\"port\": 8080,"), text);
        assertTrue(text.contains("\"noDelay\": true,"), text);
        assertTrue(text.contains("\"leadingZero\": \"007\""), "a leading zero stays a string: " + text);
        Settings back = WorkspaceJson.read(text).tabs().get(0).settings();
        assertEquals("8080", back.values().get("port"));
        assertEquals("007", back.values().get("leadingZero"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1e5", "1.50", "99999999999999999999", "TRUE", " 1", "", "-", "0x10", "+1"})
    void oddValuesRoundTripExactly(String value) throws Exception {
        MemoryPreferences node = new MemoryPreferences();
        node.put("v", value);
        Workspace workspace = new Workspace(List.of(new TabState("udp", "UDP", Settings.of(node))), 0, List.of());
        assertEquals(value, WorkspaceJson.read(WorkspaceJson.write(workspace)).tabs().get(0).settings()
                .values().get("v"));
    }

    @Test
    void aSyntaxErrorNamesLineAndColumn() {
        String broken = "{\n  \"version\": 1,\n  \"tabs\": [\n    {\"kind\": \"udp\",, }\n  ]\n}\n";
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceJson.read(broken));
        assertTrue(e.getMessage().startsWith("line 4, column"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void aDuplicateKeyIsAnErrorNotASilentOverwrite() {
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class,
                () -> WorkspaceJson.read("{\"version\": 1, \"tabs\": [], \"tabs\": []}"));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("tabs"), e.getMessage());
    }

    @Test
    void aNewerVersionIsRefusedWithBothVersionsNamed() {
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class,
                () -> WorkspaceJson.read("{\"version\": 7, \"tabs\": []}"));
        assertTrue(e.getMessage().contains("version 7") && e.getMessage().contains("newer")
                && e.getMessage().contains("up to version 1"), e.getMessage());
    }

    @Test
    void otherJsonIsNotAWorkspace() {
        assertMessage("{\"name\": \"x\"}", "no \"version\" field");
        assertMessage("{\"version\": 1, \"messages\": []}", "no \"tabs\" list");
        assertMessage("[1, 2]", "must be a JSON object");
        assertMessage("", "empty");
        assertMessage("{\"version\": \"1\", \"tabs\": []}", "whole number");
        assertMessage("{\"version\": 1, \"tabs\": []} {}", "unexpected content");
    }

    @Test
    void fieldProblemsNameTheirPath() {
        assertMessage("{\"version\": 1, \"tabs\": [{\"title\": \"x\"}]}", "tabs[0].kind is missing");
        assertMessage("{\"version\": 1, \"tabs\": [{\"kind\": 3}]}", "tabs[0].kind must be a string");
        assertMessage("{\"version\": 1, \"tabs\": [{\"kind\": \"udp\", \"settings\": {\"a\": [1]}}]}",
                "tabs[0].settings.a must be");
        assertMessage("{\"version\": 1, \"tabs\": [], \"messages\": [{\"name\": \"m\", \"format\": \"octal\"}]}",
                "messages[0].format is \"octal\"; it must be one of text, hex");
        assertMessage("{\"version\": 1, \"tabs\": [], \"messages\": [{\"name\": \"m\", \"charset\": \"no such\"}]}",
                "messages[0].charset \"no such\" is not known");
        assertMessage("{\"version\": 1, \"tabs\": [], \"messages\": [{\"name\": \" \"}]}", "messages[0].name is empty");
    }

    @Test
    void missingOptionalFieldsTakeTheirDefaults() throws Exception {
        Workspace workspace = WorkspaceJson.read(
                "{\"version\": 1, \"tabs\": [{\"kind\": \"tcpServer\"}], \"messages\": [{\"name\": \"m\"}]}");
        assertEquals(new TabState("tcpServer", "tcpServer", new Settings(new TreeMap<>(), new TreeMap<>())),
                workspace.tabs().get(0));
        assertEquals(new SavedMessage("m", "", PayloadFormat.TEXT, "UTF-8", LineEnding.NONE, ""),
                workspace.messages().get(0));
    }

    private static void assertMessage(String text, String expected) {
        WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceJson.read(text));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
