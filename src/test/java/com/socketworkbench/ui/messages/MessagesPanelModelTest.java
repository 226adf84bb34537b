package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.CurrentThreadUiExecutor;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.InMemoryPreferences;
import com.socketworkbench.ui.tcpclient.ClientState;
import com.socketworkbench.ui.tcpclient.TcpClientViewModel;
import com.socketworkbench.ui.traffic.SendEditorModel;
import com.socketworkbench.workspace.MessagesJson;
import com.socketworkbench.workspace.SavedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The messages panel's model without a toolkit: the test thread is the UI thread (a synchronous executor does the
 * file work on it), the send editor is the real {@link SendEditorModel}, and sends go to a recording sender or, for
 * the bytes on the wire, through a real TCP client view model to a JDK server socket on loopback.
 */
@Timeout(60)
class MessagesPanelModelTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();
    private final MessageLibrary library = new MessageLibrary();
    private final SendEditorModel editor = new SendEditorModel(subscriptions);
    private final List<byte[]> sent = new ArrayList<>();
    private final MessagesPanelModel model;

    MessagesPanelModelTest() {
        editor.setSender(sent::add);
        model = new MessagesPanelModel(library, editor, executor, subscriptions);
    }

    @AfterEach
    void dispose() {
        subscriptions.dispose();
    }

    private SavedMessage save(String text, String name) {
        editor.textProperty().set(text);
        assertTrue(model.beginSave(), model.status().text());
        model.form().nameProperty().set(name);
        assertTrue(model.confirmForm(), model.form().problem());
        return model.selectedProperty().get();
    }

    private static SavedMessage message(String name, String text, String note) {
        return new SavedMessage(name, text, PayloadFormat.TEXT, "UTF-8", LineEnding.NONE, note);
    }

    @Test
    void savesTheEditorsInputWithItsFormatCharsetAndLineEndingUnderAFreeSuggestedName() {
        editor.textProperty().set("  GET /status   now\\r\nsecond line");
        editor.charsetProperty().set(StandardCharsets.ISO_8859_1);
        editor.lineEndingProperty().set(LineEnding.CRLF);
        assertTrue(model.beginSave());
        assertEquals(MessageForm.Mode.SAVE, model.form().mode());
        assertEquals("GET /status now\\r", model.form().nameProperty().get(), "the first line, spaces collapsed");
        model.form().noteProperty().set(" asks the device for its state ");
        assertTrue(model.confirmForm());

        SavedMessage saved = library.messages().getFirst();
        assertEquals(new SavedMessage("GET /status now\\r", "  GET /status   now\\r\nsecond line", PayloadFormat.TEXT,
                "ISO-8859-1", LineEnding.CRLF, "asks the device for its state"), saved);
        assertEquals(MessageForm.Mode.CLOSED, model.form().mode());
        assertSame(saved, model.selectedProperty().get());

        assertTrue(model.beginSave());
        assertEquals("GET /status now\\r (2)", model.form().nameProperty().get(), "the suggestion is never taken");
        model.cancelForm();
        editor.textProperty().set("x".repeat(100));
        assertTrue(model.beginSave());
        assertEquals("x".repeat(MessageNames.SUGGESTED_LENGTH) + "…", model.form().nameProperty().get());
    }

    @Test
    void textTypedWithEscapesOffIsSavedEscapedAndSendsTheSameBytes() {
        editor.escapesProperty().set(false);
        SavedMessage saved = save("C:\\temp\\new", "path");
        assertEquals("C:\\\\temp\\\\new", saved.text(), "messages are read with escapes, so backslashes double");
        assertTrue(model.send(saved));
        assertArrayEquals("C:\\temp\\new".getBytes(StandardCharsets.UTF_8), sent.getLast());

        editor.textProperty().set("");
        editor.escapesProperty().set(false);
        model.selectedProperty().set(saved);
        assertTrue(model.loadIntoEditor());
        assertTrue(editor.escapesProperty().get(), "a saved message loads with escapes on");
        assertEquals(saved.text(), editor.textProperty().get());
    }

    @Test
    void aMessageSavedWithFieldsFillsThemInAtEachSendAndLoadsWithFieldsOn() {
        editor.formatProperty().set(PayloadFormat.HEX);
        editor.fieldsProperty().set(true);
        SavedMessage saved = save("01 03 00 00 00 {{counter:u8}} {{crc16-modbus}}", "read");
        assertTrue(saved.fields());
        assertTrue(model.send(saved));
        assertTrue(model.send(saved));
        assertArrayEquals(new byte[]{1, 3, 0, 0, 0, 0, 0x45, (byte) 0xCA}, sent.get(0), "crc16-modbus, low byte first");
        assertEquals(1, sent.get(1)[5], "the counter counts from send to send of the same message");

        editor.fieldsProperty().set(false);
        editor.textProperty().set("");
        model.selectedProperty().set(saved);
        assertTrue(model.loadIntoEditor());
        assertTrue(editor.fieldsProperty().get(), "a message saved with fields loads with fields on");

        SavedMessage literal = new SavedMessage("braces", "{{counter}}", PayloadFormat.TEXT, "UTF-8",
                LineEnding.NONE, "");
        assertTrue(model.send(literal));
        assertEquals("{{counter}}", new String(sent.getLast(), StandardCharsets.UTF_8), "without fields, braces stay");
    }

    @Test
    void hexIsSavedWithoutTheTextsLineEnding() {
        editor.lineEndingProperty().set(LineEnding.CRLF);
        editor.formatProperty().set(PayloadFormat.HEX);
        SavedMessage saved = save("02 03", "frame");
        assertEquals(LineEnding.NONE, saved.lineEnding());
    }

    @Test
    void statusLinesReadInChinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        try {
            SavedMessage saved = save("ping", "探测");
            assertEquals("已保存“探测”", model.status().text());
            assertTrue(model.send(saved));
            assertTrue(model.status().text().startsWith("已发送“探测”"), model.status().text());
            assertTrue(model.sendShortcut(1));
            assertFalse(model.sendShortcut(3));
            assertEquals("Ctrl+3：列表中有 1 条消息", model.status().text());
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }

    @Test
    void invalidEditorInputIsRefusedWithTheEditorsOwnMessage() {
        editor.formatProperty().set(PayloadFormat.HEX);
        editor.textProperty().set("41 4");
        assertFalse(editor.error().isEmpty());
        assertFalse(model.beginSave());
        assertEquals(editor.error(), model.status().text());
        assertTrue(model.status().isError());
        assertEquals(MessageForm.Mode.CLOSED, model.form().mode());

        editor.textProperty().set("");
        editor.formatProperty().set(PayloadFormat.TEXT);
        assertFalse(model.beginSave(), "an empty TCP write is no message");
        assertEquals("Type the message in the send editor first", model.status().text());
        assertTrue(library.messages().isEmpty());
    }

    @Test
    void aTakenNameIsRefusedInTheFormThenReplacedInPlaceOrChanged() {
        save("one", "first");
        save("two", "second");
        editor.textProperty().set("uno");
        assertTrue(model.beginSave());
        model.form().nameProperty().set(" first ");
        assertFalse(model.confirmForm());
        assertEquals("A message named “first” exists: replace it, or type another name", model.form().problem());
        assertTrue(model.form().nameTakenProperty().get());
        assertEquals(2, library.messages().size(), "nothing saved yet");

        assertTrue(model.replaceExisting());
        assertEquals(List.of("first", "second"), names());
        assertEquals("uno", library.messages().getFirst().text(), "replaced where it stood");

        editor.textProperty().set("dos");
        model.beginSave();
        model.form().nameProperty().set("second");
        assertFalse(model.confirmForm());
        model.form().nameProperty().set("second, in Spanish");
        assertEquals("", model.form().problem(), "typing a new name clears the refusal");
        assertFalse(model.form().nameTakenProperty().get());
        assertTrue(model.confirmForm());
        assertEquals(List.of("first", "second", "second, in Spanish"), names());

        model.beginSave();
        model.form().nameProperty().set("   ");
        assertFalse(model.confirmForm());
        assertEquals("Give the message a name", model.form().problem());
    }

    @Test
    void renamesAndChangesTheNoteButNeverToAnotherMessagesName() {
        SavedMessage first = save("one", "first");
        save("two", "second");
        model.selectedProperty().set(first);
        assertTrue(model.beginEdit());
        assertEquals("first", model.form().nameProperty().get());
        model.form().nameProperty().set("second");
        assertFalse(model.confirmForm());
        assertEquals("Another message is named “second”: type another name", model.form().problem());
        model.form().nameProperty().set("one");
        model.form().noteProperty().set("the first one");
        assertTrue(model.confirmForm());
        assertEquals(message("one", "one", "the first one"), library.messages().getFirst());
        assertEquals(List.of("one", "second"), names());
    }

    @Test
    void searchFiltersByNameTextAndNoteIgnoringCase() {
        library.replaceAll(List.of(message("Login", "USER admin", ""), message("Status", "STAT?", "polls the PLC"),
                message("Reset", "RST", "")));
        model.searchProperty().set("plc");
        assertEquals(List.of("Status"), visibleNames());
        model.searchProperty().set("admin");
        assertEquals(List.of("Login"), visibleNames());
        model.searchProperty().set("RES");
        assertEquals(List.of("Reset"), visibleNames());
        model.searchProperty().set("  ");
        assertEquals(List.of("Login", "Status", "Reset"), visibleNames());
    }

    @Test
    void reordersAmongTheShownMessagesAndByDrag() {
        library.replaceAll(List.of(message("a", "1", ""), message("b", "2", ""), message("c", "3", ""),
                message("d", "4", "")));
        model.selectedProperty().set(library.messages().get(2));
        assertTrue(model.moveUp());
        assertEquals(List.of("a", "c", "b", "d"), names());
        assertEquals("c", model.selectedProperty().get().name(), "the moved message stays selected");
        assertTrue(model.moveUp());
        assertFalse(model.moveUp(), "already first");
        assertEquals(List.of("c", "a", "b", "d"), names());
        assertTrue(model.moveDown());
        assertEquals(List.of("a", "c", "b", "d"), names());

        library.replaceAll(List.of(message("a", "x", ""), message("b", "y", ""), message("c", "x", ""),
                message("d", "y", "")));
        model.searchProperty().set("x");
        model.selectedProperty().set(library.messages().get(2));
        assertTrue(model.moveUp(), "above the message shown before it");
        assertEquals(List.of("c", "a", "b", "d"), names());
        model.searchProperty().set("");

        assertTrue(model.move(library.messages().get(0), library.messages().get(3)), "dragged down onto d");
        assertEquals(List.of("a", "b", "d", "c"), names());
        assertTrue(model.move(library.messages().get(3), library.messages().get(0)), "dragged up onto a");
        assertEquals(List.of("c", "a", "b", "d"), names());
    }

    @Test
    void deleteCanBeUndoneInPlace() {
        library.replaceAll(List.of(message("a", "1", ""), message("b", "2", ""), message("c", "3", "")));
        model.selectedProperty().set(library.messages().get(1));
        assertTrue(model.delete());
        assertEquals(List.of("a", "c"), names());
        assertNull(model.selectedProperty().get());
        assertTrue(model.canUndoDeleteProperty().get());
        assertEquals("Deleted “b”", model.status().text());
        assertTrue(model.undoDelete());
        assertEquals(List.of("a", "b", "c"), names());
        assertFalse(model.canUndoDeleteProperty().get());
        assertFalse(model.undoDelete());

        model.selectedProperty().set(library.messages().getFirst());
        model.delete();
        library.replaceAll(List.of(message("other workspace", "x", "")));
        assertFalse(model.canUndoDeleteProperty().get(), "opening another workspace forgets the deleted message");
        assertFalse(model.undoDelete());
        assertEquals(List.of("other workspace"), names());
    }

    @Test
    void exportsAndImportsTheLibraryAppendingAndRenamingTakenNames(@TempDir Path folder) throws Exception {
        List<SavedMessage> original = List.of(
                new SavedMessage("hello", "hi\\r\\n", PayloadFormat.TEXT, "UTF-8", LineEnding.NONE, "a note"),
                new SavedMessage("frame", "02 41 03", PayloadFormat.HEX, "UTF-8", LineEnding.CRLF, ""),
                new SavedMessage("latin", "é", PayloadFormat.TEXT, "ISO-8859-1", LineEnding.LF, "ü"));
        library.replaceAll(original);
        Path file = folder.resolve("lib.json");
        model.exportTo(file);
        assertEquals("Exported 3 messages to lib.json", model.status().text());
        assertEquals(original, MessagesJson.read(Files.readString(file)));

        library.replaceAll(List.of(message("frame", "other", "")));
        model.importFrom(file);
        assertEquals(List.of("frame", "hello", "frame (2)", "latin"), names());
        assertEquals(original.get(1).withName("frame (2)"), library.messages().get(2));
        assertEquals(original.get(2), library.messages().get(3));
        assertEquals("Imported 3 messages from lib.json; 1 renamed, their names were taken", model.status().text());
        assertFalse(model.status().isError());
    }

    @Test
    void aBadImportFileImportsNothingAndSaysWhichFileAndWhatIsWrong(@TempDir Path folder) throws Exception {
        library.replaceAll(List.of(message("kept", "1", "")));
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"version\": 1, \"messages\": [{\"name\": \"ok\"}, {\"text\": \"no name\"}]}");
        model.importFrom(broken);
        assertTrue(model.status().isError());
        assertTrue(model.status().text().startsWith("Nothing imported from broken.json: "), model.status().text());
        assertTrue(model.status().text().contains("messages[1]"), model.status().text());

        Path notJson = folder.resolve("notes.json");
        Files.writeString(notJson, "hello\n{");
        model.importFrom(notJson);
        assertTrue(model.status().text().startsWith("Nothing imported from notes.json: "), model.status().text());
        assertTrue(model.status().text().contains("line"), model.status().text());

        model.importFrom(folder.resolve("missing.json"));
        assertEquals("Nothing imported from missing.json: the file does not exist", model.status().text());

        Path latin1 = folder.resolve("latin1.json");
        Files.write(latin1, "{\"version\":1,\"messages\":[{\"name\":\"\u00e9\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1));
        model.importFrom(latin1);
        assertEquals("Nothing imported from latin1.json: not UTF-8 text (is it a workspace file?)",
                model.status().text());
        assertEquals(List.of("kept"), names(), "nothing imported from any of them");
    }

    @Test
    void sendUsesTheMessagesOwnEncodingAndTheTabsRefusal() {
        editor.targetReadyProperty().set(false);
        editor.targetHintProperty().set("Connect first");
        SavedMessage hex = new SavedMessage("frame", "02 41 03", PayloadFormat.HEX, "UTF-8", LineEnding.CRLF, "");
        library.replaceAll(List.of(hex, message("empty", "", ""), new SavedMessage("bad", "4", PayloadFormat.HEX,
                "UTF-8", LineEnding.NONE, "")));
        assertFalse(model.send(hex));
        assertEquals("“frame” not sent: Connect first", model.status().text());
        assertTrue(model.status().isError());
        assertTrue(sent.isEmpty(), "never handed to the sender while the tab has no target");

        editor.targetReadyProperty().set(true);
        editor.formatProperty().set(PayloadFormat.TEXT);
        editor.lineEndingProperty().set(LineEnding.NONE);
        assertTrue(model.send(hex));
        assertArrayEquals(new byte[]{2, 'A', 3}, sent.getFirst(), "hex is sent exactly, its saved ending ignored");
        assertEquals("Sent “frame” (3 B)", model.status().text());

        assertFalse(model.send(library.messages().get(1)));
        assertEquals("“empty” is empty: nothing to send", model.status().text());
        assertFalse(model.send(library.messages().get(2)));
        assertTrue(model.status().text().startsWith("“bad” cannot be sent: "), model.status().text());
        assertEquals(1, sent.size());

        editor.emptyAllowedProperty().set(true);
        assertTrue(model.send(library.messages().get(1)), "an empty datagram is a message");
        assertArrayEquals(new byte[0], sent.get(1));
    }

    @Test
    void ctrlDigitSendsTheNthMessageOfTheFilteredList() {
        assertFalse(model.sendShortcut(1));
        assertEquals("Ctrl+1 sends a saved message: none saved yet (Save… under Send)", model.status().text());
        library.replaceAll(List.of(message("a", "alpha", ""), message("b", "beta", ""), message("c", "gamma", "")));
        model.searchProperty().set("ta");
        assertTrue(model.sendShortcut(1));
        assertEquals("beta", new String(sent.getLast(), StandardCharsets.UTF_8));
        assertFalse(model.sendShortcut(2));
        assertEquals("Ctrl+2: the list shows 1 message", model.status().text());
        model.searchProperty().set("");
        assertTrue(model.sendShortcut(3));
        assertEquals("gamma", new String(sent.getLast(), StandardCharsets.UTF_8));
    }

    @Test
    void loadsAMessageIntoTheEditor() {
        library.replaceAll(List.of(new SavedMessage("latin", "caf\u00e9", PayloadFormat.TEXT, "ISO-8859-1",
                LineEnding.LF, "")));
        model.selectedProperty().set(library.messages().getFirst());
        assertTrue(model.loadIntoEditor());
        assertEquals("caf\u00e9", editor.textProperty().get());
        assertEquals(StandardCharsets.ISO_8859_1, editor.charsetProperty().get());
        assertEquals(LineEnding.LF, editor.lineEndingProperty().get());
        assertArrayEquals(new byte[]{'c', 'a', 'f', (byte) 0xe9, '\n'}, editor.encode().orElseThrow());

        library.messages().add(new SavedMessage("bad hex", "41 4", PayloadFormat.HEX, "UTF-8", LineEnding.NONE, ""));
        model.selectedProperty().set(library.messages().getLast());
        assertTrue(model.loadIntoEditor(), "loaded to be fixed");
        assertEquals("41 4", editor.textProperty().get());
        assertFalse(editor.error().isEmpty(), "the editor says what is wrong");

        library.messages().add(new SavedMessage("alien", "x", PayloadFormat.TEXT, "x-no-such-charset",
                LineEnding.NONE, ""));
        model.selectedProperty().set(library.messages().getLast());
        assertFalse(model.loadIntoEditor());
        assertEquals("“alien” cannot be loaded: charset \"x-no-such-charset\" is not known to this Java",
                model.status().text());
        assertEquals("41 4", editor.textProperty().get(), "the editor is left as it was");
    }

    @Test
    void aSavedMessageReachesARealLoopbackPeerByteForByte() throws Exception {
        Subscriptions tabSubscriptions = new Subscriptions();
        TcpClientViewModel client = new TcpClientViewModel(InMemoryPreferences.fresh(), executor, tabSubscriptions);
        MessagesPanelModel panel = new MessagesPanelModel(library, client.sendEditor(), executor, tabSubscriptions);
        SavedMessage latin = new SavedMessage("latin", "caf\u00e9\\x00", PayloadFormat.TEXT, "ISO-8859-1",
                LineEnding.CRLF, "");
        SavedMessage hex = new SavedMessage("hex", "de ad BE EF", PayloadFormat.HEX, "UTF-8", LineEnding.NONE, "");
        library.replaceAll(List.of(latin, hex));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFalse(panel.send(latin));
            assertEquals("“latin” not sent: Connect first", panel.status().text());

            client.port().textProperty().set(Integer.toString(server.getLocalPort()));
            client.connect();
            assertEquals(ClientState.CONNECTED, client.state());
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(10_000);
                client.sendEditor().textProperty().set("not this");
                assertTrue(panel.send(latin));
                assertTrue(panel.sendShortcut(2));
                InputStream in = peer.getInputStream();
                assertArrayEquals(new byte[]{'c', 'a', 'f', (byte) 0xe9, 0, '\r', '\n'}, in.readNBytes(7));
                assertArrayEquals(new byte[]{(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, in.readNBytes(4));
                assertEquals("not this", client.sendEditor().textProperty().get(), "the editor is left alone");
            }
        } finally {
            client.stop();
            client.dispose();
            tabSubscriptions.dispose();
        }
    }

    private List<String> names() {
        return library.messages().stream().map(SavedMessage::name).toList();
    }

    private List<String> visibleNames() {
        return model.visible().stream().map(SavedMessage::name).toList();
    }
}
