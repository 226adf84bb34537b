package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every setting of a {@link SendEditorModel}, by name, and an edit that changes each of them. */
public final class SendEditorSnapshot {
    private SendEditorSnapshot() {
    }

    public static Map<String, Object> of(SendEditorModel editor) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("send.text", editor.textProperty().get());
        values.put("send.format", editor.formatProperty().get());
        values.put("send.charset", editor.charsetProperty().get());
        values.put("send.lineEnding", editor.lineEndingProperty().get());
        values.put("send.escapes", editor.escapesProperty().get());
        values.put("send.fields", editor.fieldsProperty().get());
        values.put("send.history", editor.history().entries());
        return values;
    }

    /** Hex input (not valid yet: nothing typed is lost), ISO-8859-1, CRLF, escapes off, fields on and two history entries. */
    public static void editEverything(SendEditorModel editor) {
        editor.history().record(new SendHistory.Entry("C:\\temp", PayloadFormat.TEXT, false));
        editor.history().record(new SendHistory.Entry("de ad be ef", PayloadFormat.HEX));
        editor.history().record(new SendHistory.Entry("{{counter}}", PayloadFormat.TEXT, true, true));
        editor.formatProperty().set(PayloadFormat.HEX);
        editor.charsetProperty().set(StandardCharsets.ISO_8859_1);
        editor.lineEndingProperty().set(LineEnding.CRLF);
        editor.escapesProperty().set(false);
        editor.fieldsProperty().set(true);
        editor.textProperty().set("ca fe zz\n" + "0a ".repeat(4_000));
    }
}
