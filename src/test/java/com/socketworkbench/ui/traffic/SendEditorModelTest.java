package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.Subscriptions;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendEditorModelTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private final SendEditorModel model = new SendEditorModel(subscriptions);
    private final List<byte[]> sent = new ArrayList<>();

    {
        model.setSender(sent::add);
    }

    @Test
    void invalidHexNamesThePositionAndBlocksSending() {
        model.formatProperty().set(PayloadFormat.HEX);
        model.textProperty().set("de ad zz");

        assertTrue(model.error().contains("position"), model.error());
        assertFalse(model.canSendProperty().get());
        assertFalse(model.send());
        assertEquals(0, sent.size());

        model.textProperty().set("de ad be ef");
        assertEquals("", model.error());
        assertTrue(model.canSendProperty().get());
    }

    @Test
    void sendsTextWithEscapesAndTheLineEnding() {
        model.textProperty().set("a\\tb");
        model.lineEndingProperty().set(LineEnding.CRLF);
        assertTrue(model.send());
        assertArrayEquals("a\tb\r\n".getBytes(StandardCharsets.UTF_8), sent.getFirst());
    }

    @Test
    void emptyInputSendsNothingUnlessTheTabAllowsIt() {
        model.textProperty().set("");
        assertFalse(model.canSendProperty().get(), "an empty TCP write would send nothing");
        assertFalse(model.send());

        model.emptyAllowedProperty().set(true);
        assertTrue(model.canSendProperty().get());
        assertTrue(model.send());
        assertEquals(1, sent.size());
        assertEquals(0, sent.getFirst().length, "zero bytes: an empty datagram");
        assertEquals(0, model.history().size(), "nothing worth recalling was recorded");

        model.formatProperty().set(PayloadFormat.HEX);
        assertTrue(model.send(), "empty hex is zero bytes as well");
        assertEquals(0, sent.getLast().length);
    }

    @Test
    void theTabsConditionBlocksSendingUntilReady() {
        model.textProperty().set("hi");
        model.targetReadyProperty().set(false);
        assertFalse(model.canSendProperty().get());
        model.targetReadyProperty().set(true);
        assertTrue(model.canSendProperty().get());
    }

    @Test
    void emptyInputWithoutLineEndingHasNothingToSend() {
        assertFalse(model.canSendProperty().get());
        model.lineEndingProperty().set(LineEnding.LF);
        assertTrue(model.canSendProperty().get());
    }

    @Test
    void historyRestoresTextAndFormat() {
        model.textProperty().set("one");
        model.send();
        model.formatProperty().set(PayloadFormat.HEX);
        model.textProperty().set("02");
        model.send();
        model.textProperty().set("draft");

        model.historyPrevious();
        assertEquals("02", model.textProperty().get());
        model.historyPrevious();
        assertEquals("one", model.textProperty().get());
        assertEquals(PayloadFormat.TEXT, model.formatProperty().get());
        model.historyNext();
        model.historyNext();
        assertEquals("draft", model.textProperty().get());
    }

    @Test
    void disposeRemovesTheValidationListeners() {
        subscriptions.dispose();
        model.formatProperty().set(PayloadFormat.HEX);
        model.textProperty().set("zz");
        assertEquals("", model.error(), "no listener left to revalidate");
    }

    @Test
    void encodedBytesGoThroughTheSameSenderOnlyWhileTheTargetIsReady() {
        model.textProperty().set("typed");
        model.targetReadyProperty().set(false);
        assertFalse(model.sendEncoded(new byte[]{1, 2}));
        assertTrue(sent.isEmpty(), "refused, not queued");
        model.targetReadyProperty().set(true);
        assertTrue(model.sendEncoded(new byte[]{1, 2}));
        assertArrayEquals(new byte[]{1, 2}, sent.getFirst());
        assertEquals("typed", model.textProperty().get(), "the input is left alone");
        assertEquals(0, model.history().size(), "and the history too");
    }

    @Test
    void escapesAreOnByDefaultAndOffSendsBackslashesAsTyped() {
        assertTrue(model.escapesProperty().get(), "on by default: saved tabs and messages keep their meaning");
        model.textProperty().set("C:\\temp\\new");
        assertTrue(model.send());
        assertArrayEquals("C:\temp\new".getBytes(StandardCharsets.UTF_8), sent.getLast(),
                "escapes on: a tab and a newline");

        model.escapesProperty().set(false);
        model.textProperty().set("C:\\temp\\new");
        assertTrue(model.send());
        assertArrayEquals("C:\\temp\\new".getBytes(StandardCharsets.UTF_8), sent.getLast(),
                "escapes off: the backslashes go out");
        assertEquals(11, sent.getLast().length);

        model.textProperty().set("ends with \\");
        assertEquals("", model.error(), "a lone backslash is fine with escapes off");
        model.escapesProperty().set(true);
        assertTrue(model.error().contains("backslash"), model.error());
    }

    @Test
    void historyRemembersWhetherEscapesWereOn() {
        model.escapesProperty().set(false);
        model.textProperty().set("a\\n");
        model.send();
        model.escapesProperty().set(true);
        model.textProperty().set("draft");
        model.historyPrevious();
        assertEquals("a\\n", model.textProperty().get());
        assertFalse(model.escapesProperty().get());
        model.send();
        assertArrayEquals(new byte[]{'a', '\\', 'n'}, sent.getLast());
    }

    @Test
    void hexIgnoresTheLineEnding() {
        model.lineEndingProperty().set(LineEnding.CRLF);
        model.formatProperty().set(PayloadFormat.HEX);
        assertFalse(model.canSendProperty().get(), "empty hex with an ending has nothing to send");
        model.textProperty().set("01 02");
        assertTrue(model.send());
        assertArrayEquals(new byte[]{1, 2}, sent.getLast());
    }

    @Test
    void switchingToHexConvertsTheTextToItsBytes() {
        model.charsetProperty().set(java.nio.charset.Charset.forName("GBK"));
        model.textProperty().set("你好\\r\\n");
        assertTrue(model.switchFormat(PayloadFormat.HEX));
        assertEquals(PayloadFormat.HEX, model.formatProperty().get());
        assertEquals("c4 e3 ba c3 0d 0a", model.textProperty().get());
        assertEquals("", model.error());

        assertTrue(model.switchFormat(PayloadFormat.TEXT));
        assertEquals("你好\\r\\n", model.textProperty().get());
        assertEquals("", model.noteProperty().get());
    }

    @Test
    void hexThatIsNotTextStaysHexAndSaysWhy() {
        model.formatProperty().set(PayloadFormat.HEX);
        model.textProperty().set("48 ff");
        assertFalse(model.switchFormat(PayloadFormat.TEXT));
        assertEquals(PayloadFormat.HEX, model.formatProperty().get());
        assertEquals("48 ff", model.textProperty().get());
        assertEquals("Still hex, not converted to text: byte ff (byte 2 of 2) is not UTF-8 text",
                model.noteProperty().get());
        model.textProperty().set("48 49");
        assertEquals("", model.noteProperty().get(), "the note is about the input as it was");
        assertTrue(model.switchFormat(PayloadFormat.TEXT));
        assertEquals("HI", model.textProperty().get());
    }

    @Test
    void invalidTextStaysTextAndSaysWhy() {
        model.textProperty().set("bad \\q");
        assertFalse(model.switchFormat(PayloadFormat.HEX));
        assertEquals(PayloadFormat.TEXT, model.formatProperty().get());
        assertEquals("bad \\q", model.textProperty().get());
        assertTrue(model.noteProperty().get().startsWith("Still text, not converted to hex: Unknown escape"),
                model.noteProperty().get());
    }
}
