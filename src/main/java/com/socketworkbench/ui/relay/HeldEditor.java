package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadConversion;
import com.socketworkbench.engine.codec.PayloadEncoder;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.codec.TextEscapes;
import com.socketworkbench.engine.relay.HeldChunk;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The editor of the held chunk: its bytes as text (with the send editor's escapes, so any byte survives the round
 * trip: {@code \r}, {@code \x00}) or as hex, converted when the mode changes with the send editor's conversion. A text
 * that does not encode (a bad hex digit, a bad escape) is an error at the editor and Forward waits until it is fixed.
 */
final class HeldEditor {
    private static final Charset CHARSET = StandardCharsets.UTF_8;

    private final ObjectProperty<HeldChunk> chunk = new SimpleObjectProperty<>(this, "chunk");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<PayloadFormat> format = new SimpleObjectProperty<>(this, "format", PayloadFormat.TEXT);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding canForward;
    private boolean switching;

    HeldEditor(Subscriptions subscriptions) {
        subscriptions.listen(text, (obs, old, now) -> check());
        subscriptions.listen(format, (obs, old, now) -> switchFormat(old, now));
        canForward = Bindings.createBooleanBinding(() -> chunk.get() != null && error.get().isEmpty(), chunk, error);
        subscriptions.add(canForward::dispose);
    }

    /** Shows {@code held} (or nothing for null) in the current mode. */
    void show(HeldChunk held) {
        chunk.set(held);
        switching = true;
        try {
            text.set(held == null ? "" : render(held.bytes(), format.get()));
        } finally {
            switching = false;
        }
        check();
    }

    private static String render(byte[] bytes, PayloadFormat mode) {
        return mode == PayloadFormat.HEX ? HexCodec.format(bytes) : TextEscapes.escape(bytes, CHARSET);
    }

    private void switchFormat(PayloadFormat from, PayloadFormat to) {
        if (switching || from == null || to == null || from == to) {
            return;
        }
        switching = true;
        try {
            text.set(to == PayloadFormat.HEX ? PayloadConversion.toHex(text.get(), CHARSET, true)
                    : PayloadConversion.toText(text.get(), CHARSET, true));
        } catch (PayloadFormatException e) {
            // The text as it is cannot be converted: stay in the mode it is written in and say why.
            format.set(from);
        } finally {
            switching = false;
        }
        check();
    }

    private void check() {
        if (switching) {
            return;
        }
        error.set(chunk.get() == null ? "" : PayloadEncoder.validate(text.get(), format.get(), CHARSET,
                LineEnding.NONE, true).map(e -> RelayTexts.TEXT.get("editor.invalid", e.getMessage())).orElse(""));
    }

    /** The bytes the editor holds now, or empty while its text is invalid. */
    Optional<byte[]> bytes() {
        try {
            return Optional.of(PayloadEncoder.encode(text.get(), format.get(), CHARSET, LineEnding.NONE, true));
        } catch (PayloadFormatException e) {
            return Optional.empty();
        }
    }

    ObjectProperty<HeldChunk> chunkProperty() {
        return chunk;
    }

    StringProperty textProperty() {
        return text;
    }

    ObjectProperty<PayloadFormat> formatProperty() {
        return format;
    }

    /** Why the text cannot be forwarded, or empty. */
    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    BooleanBinding canForwardProperty() {
        return canForward;
    }
}
