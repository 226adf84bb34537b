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
}
