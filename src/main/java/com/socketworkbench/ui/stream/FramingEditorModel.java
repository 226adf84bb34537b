package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;

import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.tcp.OversizePolicy;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;

/**
 * The receive framing a stream tab edits: the mode and the text of every parameter field, turned into a
 * {@link FramingSpec} through the engine's {@code FramingSpec.parse...} factories on every change. A valid edit
 * replaces {@link #specProperty()} (the tab hands it to the engine, which re-frames what arrives next); an invalid
 * one leaves the last valid spec in force and explains itself in {@link #errorProperty()}, naming the field at fault
 * in {@link #errorFieldProperty()}. Settings are remembered in the given preferences node.
 */
public final class FramingEditorModel {
    /** The parameter fields that can be wrong, so the view can decorate the right one. */
    public enum Field {
        DELIMITER, LENGTH_OFFSET, FIXED_SIZE, IDLE_GAP, MAX_FRAME_SIZE
    }

    /** The widths a length field may have, in bytes. */
    public static final List<Integer> LENGTH_FIELD_WIDTHS = List.of(1, 2, 4, 8);

    static final String PREF_MODE = "mode";
    static final String PREF_DELIMITER = "delimiter";
    static final String PREF_KEEP = "keepDelimiter";
    static final String PREF_LENGTH_BYTES = "lengthBytes";
    static final String PREF_BYTE_ORDER = "byteOrder";
    static final String PREF_INCLUDES_HEADER = "lengthIncludesHeader";
    static final String PREF_OFFSET = "lengthOffset";
    static final String PREF_FIXED = "fixedSize";
    static final String PREF_GAP = "idleGapMillis";
    static final String PREF_MAX = "maxFrameSize";
    static final String PREF_OVERSIZE = "oversizePolicy";

    private final AppPreferences preferences;
    private final ObjectProperty<FramingMode> mode = new SimpleObjectProperty<>(this, "mode", FramingMode.RAW);
    private final StringProperty delimiter = new SimpleStringProperty(this, "delimiter", "LF");
    private final BooleanProperty keepDelimiter = new SimpleBooleanProperty(this, "keepDelimiter");
    private final ObjectProperty<Integer> lengthFieldBytes = new SimpleObjectProperty<>(this, "lengthFieldBytes", 2);
    private final ObjectProperty<Endianness> byteOrder = new SimpleObjectProperty<>(this, "byteOrder", Endianness.BIG);
    private final BooleanProperty lengthIncludesHeader = new SimpleBooleanProperty(this, "lengthIncludesHeader");
    private final StringProperty lengthOffset = new SimpleStringProperty(this, "lengthOffset", "0");
    private final StringProperty fixedSize = new SimpleStringProperty(this, "fixedSize", "16");
    private final StringProperty idleGapMillis = new SimpleStringProperty(this, "idleGapMillis", "100");
    private final StringProperty maxFrameSize = new SimpleStringProperty(this, "maxFrameSize", "16 MiB");
    private final ObjectProperty<OversizePolicy> oversizePolicy =
            new SimpleObjectProperty<>(this, "oversizePolicy", OversizePolicy.DROP_CONNECTION);
    private final ReadOnlyObjectWrapper<FramingSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec", FramingSpec.RAW);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Field> errorField = new ReadOnlyObjectWrapper<>(this, "errorField");

    public FramingEditorModel(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        load();
        for (ObservableValue<?> input : new ObservableValue<?>[]{mode, delimiter, keepDelimiter, lengthFieldBytes,
                byteOrder, lengthIncludesHeader, lengthOffset, fixedSize, idleGapMillis, maxFrameSize}) {
            subscriptions.listen(input, (obs, old, now) -> update());
        }
        update();
    }

    private void load() {
        String remembered = preferences.get(PREF_MODE, FramingMode.RAW.name());
        for (FramingMode each : FramingMode.values()) {
            if (each.name().equals(remembered)) {
                mode.set(each);
            }
        }
        delimiter.set(preferences.get(PREF_DELIMITER, delimiter.get()));
        keepDelimiter.set(preferences.getBoolean(PREF_KEEP, false));
        int width = preferences.getInt(PREF_LENGTH_BYTES, 2);
        lengthFieldBytes.set(LENGTH_FIELD_WIDTHS.contains(width) ? width : 2);
        byteOrder.set(preferences.get(PREF_BYTE_ORDER, "BIG").equals("LITTLE") ? Endianness.LITTLE : Endianness.BIG);
        lengthIncludesHeader.set(preferences.getBoolean(PREF_INCLUDES_HEADER, false));
        lengthOffset.set(preferences.get(PREF_OFFSET, lengthOffset.get()));
        fixedSize.set(preferences.get(PREF_FIXED, fixedSize.get()));
        idleGapMillis.set(preferences.get(PREF_GAP, idleGapMillis.get()));
        maxFrameSize.set(preferences.get(PREF_MAX, maxFrameSize.get()));
        oversizePolicy.set(preferences.get(PREF_OVERSIZE, "").equals(OversizePolicy.DISCARD.name())
                ? OversizePolicy.DISCARD : OversizePolicy.DROP_CONNECTION);
    }

    /** Remembers the current settings (also the invalid text, so nothing typed is lost). */
    public void save() {
        preferences.put(PREF_MODE, mode.get().name());
        preferences.put(PREF_DELIMITER, text(delimiter));
        preferences.putBoolean(PREF_KEEP, keepDelimiter.get());
        preferences.putInt(PREF_LENGTH_BYTES, lengthFieldBytes.get() == null ? 2 : lengthFieldBytes.get());
        preferences.put(PREF_BYTE_ORDER, byteOrder.get() == null ? "BIG" : byteOrder.get().name());
        preferences.putBoolean(PREF_INCLUDES_HEADER, lengthIncludesHeader.get());
        preferences.put(PREF_OFFSET, text(lengthOffset));
        preferences.put(PREF_FIXED, text(fixedSize));
        preferences.put(PREF_GAP, text(idleGapMillis));
        preferences.put(PREF_MAX, text(maxFrameSize));
        preferences.put(PREF_OVERSIZE, oversizePolicy().name());
    }

    private void update() {
        FramingMode current = mode.get() == null ? FramingMode.RAW : mode.get();
        Field field = Field.MAX_FRAME_SIZE;
        try {
            if (current != FramingMode.RAW) {
                FramingSpec.parseMaxFrameSize(text(maxFrameSize));
            }
            FramingSpec next = switch (current) {
                case RAW -> FramingSpec.RAW;
                case DELIMITER -> {
                    field = Field.DELIMITER;
                    yield FramingSpec.parseDelimited(text(delimiter), keepDelimiter.get(), text(maxFrameSize));
                }
                case LENGTH_PREFIX -> {
                    field = Field.LENGTH_OFFSET;
                    yield FramingSpec.parseLengthPrefixed(lengthFieldBytes.get() == null ? 2 : lengthFieldBytes.get(),
                            byteOrder.get() == null ? Endianness.BIG : byteOrder.get(), lengthIncludesHeader.get(),
                            text(lengthOffset), text(maxFrameSize));
                }
                case FIXED_SIZE -> {
                    field = Field.FIXED_SIZE;
                    yield FramingSpec.parseFixedSize(text(fixedSize), text(maxFrameSize));
                }
                case IDLE_GAP -> {
                    field = Field.IDLE_GAP;
                    yield FramingSpec.parseIdleGap(text(idleGapMillis), text(maxFrameSize));
                }
            };
            error.set("");
            errorField.set(null);
            if (!next.equals(spec.get())) {
                spec.set(next);
            }
        } catch (IllegalArgumentException e) {
            errorField.set(field);
            error.set(StreamText.TEXT.get("framing.error.kept", capitalised(e.getMessage()), spec.get().describe()));
        }
    }

    private static String capitalised(String message) {
        return message == null || message.isEmpty() ? StreamText.TEXT.get("framing.error.invalid")

                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get();
    }

    public ObjectProperty<FramingMode> modeProperty() {
        return mode;
    }

    /** "LF", "CRLF", "CR", "NUL" or hex bytes such as "0d 0a" or "7e". */
    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public BooleanProperty keepDelimiterProperty() {
        return keepDelimiter;
    }

    /** 1, 2, 4 or 8. */
    public ObjectProperty<Integer> lengthFieldBytesProperty() {
        return lengthFieldBytes;
    }

    public ObjectProperty<Endianness> byteOrderProperty() {
        return byteOrder;
    }

    public BooleanProperty lengthIncludesHeaderProperty() {
        return lengthIncludesHeader;
    }

    /** Text of the number of bytes before the length field. */
    public StringProperty lengthOffsetProperty() {
        return lengthOffset;
    }

    public StringProperty fixedSizeProperty() {
        return fixedSize;
    }

    public StringProperty idleGapMillisProperty() {
        return idleGapMillis;
    }

    /** "16 MiB", "64M" or a byte count; blank means the default. */
    public StringProperty maxFrameSizeProperty() {
        return maxFrameSize;
    }

    /** What a connection does with a frame larger than the maximum: close, or discard it and resynchronise. */
    public ObjectProperty<OversizePolicy> oversizePolicyProperty() {
        return oversizePolicy;
    }

    public OversizePolicy oversizePolicy() {
        return oversizePolicy.get() == null ? OversizePolicy.DROP_CONNECTION : oversizePolicy.get();
    }

    /** The framing in force: the last valid edit. */
    public ReadOnlyObjectProperty<FramingSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public FramingSpec spec() {
        return spec.get();
    }

    /** Why the current edit is not applied, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    /** The field the error is about, or null. */
    public ReadOnlyObjectProperty<Field> errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }
}
