package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.InMemoryPreferences;

import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.framing.FramingSpec;
import com.socketworkbench.engine.tcp.OversizePolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramingEditorModelTest {
    private final AppPreferences preferences = InMemoryPreferences.fresh();
    private final FramingEditorModel model = new FramingEditorModel(preferences, new Subscriptions());

    @Test
    void startsWithRawReads() {
        assertEquals(FramingSpec.RAW, model.spec());
        assertEquals("", model.error());
    }

    @Test
    void eachModeBecomesTheEnginesSpec() {
        model.modeProperty().set(FramingMode.DELIMITER);
        assertEquals(new FramingSpec.Delimited(new byte[]{0x0a}, false, FramingSpec.DEFAULT_MAX_FRAME_SIZE),
                model.spec());
        model.delimiterProperty().set("0d 0a 0d 0a");
        model.keepDelimiterProperty().set(true);
        assertArrayEquals(new byte[]{0x0d, 0x0a, 0x0d, 0x0a}, ((FramingSpec.Delimited) model.spec()).delimiter());

        model.modeProperty().set(FramingMode.LENGTH_PREFIX);
        model.lengthFieldBytesProperty().set(4);
        model.byteOrderProperty().set(Endianness.LITTLE);
        model.lengthIncludesHeaderProperty().set(true);
        model.lengthOffsetProperty().set("1");
        model.maxFrameSizeProperty().set("32 MiB");
        assertEquals(new FramingSpec.LengthPrefixed(4, Endianness.LITTLE, true, 1, 32 * 1024 * 1024), model.spec());

        model.modeProperty().set(FramingMode.FIXED_SIZE);
        model.fixedSizeProperty().set("1 KiB");
        assertEquals(1024, ((FramingSpec.FixedSize) model.spec()).size());

        model.modeProperty().set(FramingMode.IDLE_GAP);
        model.idleGapMillisProperty().set("250");
        assertEquals(250, ((FramingSpec.IdleGap) model.spec()).gapMillis());
    }

    @Test
    void aWrongFieldIsNamedAndTheLastValidSpecStays() {
        model.modeProperty().set(FramingMode.DELIMITER);
        FramingSpec valid = model.spec();
        model.delimiterProperty().set("0x7g");
        assertEquals(FramingEditorModel.Field.DELIMITER, model.errorFieldProperty().get());
        assertTrue(model.error().startsWith("'g' in the delimiter"), model.error());
        assertTrue(model.error().endsWith("stays in use"), model.error());
        assertEquals(valid, model.spec());

        model.delimiterProperty().set("LF");
        model.maxFrameSizeProperty().set("1 KiB");
        assertEquals(FramingEditorModel.Field.MAX_FRAME_SIZE, model.errorFieldProperty().get());

        model.maxFrameSizeProperty().set("");
        model.modeProperty().set(FramingMode.LENGTH_PREFIX);
        model.lengthOffsetProperty().set("two");
        assertEquals(FramingEditorModel.Field.LENGTH_OFFSET, model.errorFieldProperty().get());
        model.lengthOffsetProperty().set("");
        assertEquals("", model.error());
        assertNull(model.errorFieldProperty().get());
    }

    @Test
    void settingsAreRememberedIncludingTheOversizePolicy() {
        model.modeProperty().set(FramingMode.LENGTH_PREFIX);
        model.lengthFieldBytesProperty().set(1);
        model.oversizePolicyProperty().set(OversizePolicy.DISCARD);
        model.save();

        FramingEditorModel again = new FramingEditorModel(preferences, new Subscriptions());
        assertEquals(new FramingSpec.LengthPrefixed(1, Endianness.BIG), again.spec());
        assertEquals(OversizePolicy.DISCARD, again.oversizePolicy());
    }
}
