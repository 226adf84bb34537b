package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.workspace.MemoryPreferences;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The send editor's dynamic fields switch, without a toolkit: what Send carries, the preview, validation. */
class SendEditorFieldsTest {
    private final Subscriptions subscriptions = new Subscriptions();
    private final SendEditorModel model = new SendEditorModel(subscriptions);
    private final List<byte[]> sent = new ArrayList<>();

    {
        model.setSender(sent::add);
    }

    private String lastSent() {
        return new String(sent.getLast(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void fieldsAreOffByDefaultAndBracesAreSentAsTyped() {
        model.textProperty().set("A{{counter}}");
        assertFalse(model.fieldsProperty().get());
        assertFalse(model.payloadSpec().fields());
        assertTrue(model.send());
        assertEquals("A{{counter}}", lastSent());
        assertEquals("", model.previewProperty().get(), "no preview without fields");
    }

    @Test
    void eachSendAdvancesTheCounterAndThePreviewShowsTheNextOne() {
        model.fieldsProperty().set(true);
        model.textProperty().set("A{{counter}}");
        assertTrue(model.payloadSpec().fields());
        assertEquals("Next send (2 B): 41 30", model.previewProperty().get());
        assertArrayEquals(new byte[]{'A', '0'}, model.encode().orElseThrow());
        assertArrayEquals(new byte[]{'A', '0'}, model.encode().orElseThrow(), "encode does not advance");

        assertTrue(model.send());
        assertEquals("A0", lastSent());
        assertEquals("Next send (2 B): 41 31", model.previewProperty().get());
        assertTrue(model.send());
        assertEquals("A1", lastSent());

        model.textProperty().set("B{{counter}}");
        assertTrue(model.send());
        assertEquals("B0", lastSent(), "an edit recompiles, and the counter starts again");
    }

    @Test
    void theLineEndingIsPartOfWhatTheFieldsSee() {
        model.fieldsProperty().set(true);
        model.lineEndingProperty().set(LineEnding.CRLF);
        model.textProperty().set("{{len:u8}}hi");
        assertTrue(model.send());
        assertArrayEquals(new byte[]{4, 'h', 'i', '\r', '\n'}, sent.getLast());
    }

    @Test
    void aBadFieldIsShownWithItsPositionAndNothingIsSent() {
        model.fieldsProperty().set(true);
        model.textProperty().set("ab{{cuonter}}");
        assertTrue(model.error().contains("{{cuonter}}") && model.error().contains("position 3"), model.error());
        assertFalse(model.canSendProperty().get());
        assertFalse(model.send());
        assertTrue(sent.isEmpty());
        assertTrue(model.encode().isEmpty());
        assertEquals("", model.previewProperty().get());

        model.fieldsProperty().set(false);
        assertEquals("", model.error(), "with fields off the same text is plain text");
        assertTrue(model.canSendProperty().get());
    }

    @Test
    void hexWithAModbusCrc() {
        model.fieldsProperty().set(true);
        model.formatProperty().set(PayloadFormat.HEX);
        model.textProperty().set("01 03 00 00 00 0A {{crc16-modbus}}");
        assertEquals("Next send (8 B): 01 03 00 00 00 0a c5 cd", model.previewProperty().get());
        assertTrue(model.send());
        assertArrayEquals(new byte[]{1, 3, 0, 0, 0, 0x0a, (byte) 0xc5, (byte) 0xcd}, sent.getLast());
    }

    @Test
    void aLongPreviewIsElided() {
        model.fieldsProperty().set(true);
        model.textProperty().set("x".repeat(100) + "{{counter}}");
        String preview = model.previewProperty().get();
        assertTrue(preview.startsWith("Next send (101 B): 78 78"), preview);
        assertTrue(preview.endsWith(" …"), preview);
        assertEquals(SendEditorModel.PREVIEW_BYTES, preview.split(": ")[1].replace(" …", "").split(" ").length);
    }

    @Test
    void theFieldsSwitchIsSavedWithTheTabAndMissingMeansOff() {
        MemoryPreferences node = new MemoryPreferences();
        model.fieldsProperty().set(true);
        model.save(node);
        SendEditorModel reopened = new SendEditorModel(subscriptions);
        reopened.load(node);
        assertTrue(reopened.fieldsProperty().get());

        SendEditorModel older = new SendEditorModel(subscriptions);
        older.fieldsProperty().set(true);
        older.load(new MemoryPreferences());
        assertFalse(older.fieldsProperty().get());
    }
}
