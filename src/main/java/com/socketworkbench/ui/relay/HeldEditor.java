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
import javafx.beans.property.ReadOnlyObjectProperty;
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
 * trip: {@code \r}, {@code \x00}) or as hex, converted when the mode changes ({@link #switchFormat}). A text
 * that does not encode (a bad hex digit, a bad escape) is an error at the editor and Forward waits until it is fixed.
 */
final class HeldEditor {
    private static final Charset CHARSET = StandardCharsets.UTF_8;

    private final ObjectProperty<HeldChunk> chunk = new SimpleObjectProperty<>(this, "chunk");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<PayloadFormat> format = new SimpleObjectProperty<>(this, "format", PayloadFormat.TEXT);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** Why the last switch between Text and Hex was refused, or empty. */
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final BooleanBinding canForward;
    private boolean switching;

    HeldEditor(Subscriptions subscriptions) {
        subscriptions.listen(text, (obs, old, now) -> {
            if (!switching) {
                note.set("");
            }
            check();
        });
        canForward = Bindings.createBooleanBinding(() -> chunk.get() != null && error.get().isEmpty(), chunk, error);
        subscriptions.add(canForward::dispose);
    }

    /** Shows {@code held} (or nothing for null) in the current mode. */
    void show(HeldChunk held) {
        chunk.set(held);
        note.set("");
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

    /**
     * Switches between Text and Hex, converting what the editor holds. Hex becomes the escaped text of its bytes,
     * exact for any bytes (binary ones show as {@code \xff}); text becomes the hex of the bytes it stands for. Only
     * input that stands for no bytes (a bad hex digit, a bad escape) is refused: the format and text stay, and
     * {@link #noteProperty()} says why. The format box asks here rather than setting the format, so it never shows a
     * mode the editor is not in.
     *
     * @return whether the format is now {@code target}
     */
    boolean switchFormat(PayloadFormat target) {
        PayloadFormat from = format.get();
        if (target == null || target == from) {
            return target != null;
        }
        String converted;
        try {
            converted = target == PayloadFormat.HEX ? PayloadConversion.toHex(text.get(), CHARSET, true)
                    : TextEscapes.escape(HexCodec.parse(text.get()), CHARSET);
        } catch (PayloadFormatException e) {
            note.set(RelayTexts.TEXT.get(target == PayloadFormat.HEX ? "editor.kept.text" : "editor.kept.hex",
                    e.getMessage()));
            return false;
        }
        switching = true;
        try {
            format.set(target);
            text.set(converted);
        } finally {
            switching = false;
        }
        note.set("");
        check();
        return true;
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

    /** The mode the editor is in; change it with {@link #switchFormat}. */
    ReadOnlyObjectProperty<PayloadFormat> formatProperty() {
        return format;
    }

    /** Why the last Text/Hex switch was refused, or empty. */
    ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Why the text cannot be forwarded, or empty. */
    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    BooleanBinding canForwardProperty() {
        return canForward;
    }
}
