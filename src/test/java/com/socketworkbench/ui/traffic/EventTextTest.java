package com.socketworkbench.ui.traffic;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the timeline's preview column says for data rows, also when they carry no byte at all. */
class EventTextTest {

    @Test
    void aDataRowPreviewsItsDecodedBytes() {
        assertEquals("hello", EventText.preview(TestEvents.received("hello"), StandardCharsets.UTF_8));
        assertEquals("hi", EventText.preview(TestEvents.sent(new byte[]{'h', 'i'}), StandardCharsets.UTF_8,
                EventText.EMPTY_DATAGRAM));
    }

    @Test
    void aRowWithoutBytesSaysItIsEmptyInTheWordsOfItsTab() {
        assertEquals("(empty)", EventText.preview(TestEvents.received(new byte[0]), StandardCharsets.UTF_8));
        assertEquals("(empty datagram)", EventText.preview(TestEvents.sent(new byte[0]), StandardCharsets.UTF_8,
                EventText.EMPTY_DATAGRAM));
        assertEquals("0 B", EventText.size(TestEvents.received(new byte[0])));
    }

    @Test
    void theTimelineFilterFindsEmptyRows() {
        TimelineRow row = new TimelineRow(1, TestEvents.received(new byte[0]), 0);
        assertTrue(TimelineView.matches(row, "(empty)", StandardCharsets.UTF_8));
    }
}
