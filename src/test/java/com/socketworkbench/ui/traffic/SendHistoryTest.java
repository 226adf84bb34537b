package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.PayloadFormat;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SendHistoryTest {
    private static SendHistory.Entry text(String value) {
        return new SendHistory.Entry(value, PayloadFormat.TEXT);
    }

    @Test
    void walksBackAndForwardAndReturnsToTheDraft() {
        SendHistory<SendHistory.Entry> history = new SendHistory<>();
        history.record(text("one"));
        history.record(text("two"));

        assertEquals(Optional.of(text("two")), history.previous(text("draft")));
        assertEquals(Optional.of(text("one")), history.previous(text("two")));
        assertEquals(Optional.empty(), history.previous(text("one")));
        assertEquals(Optional.of(text("two")), history.next());
        assertEquals(Optional.of(text("draft")), history.next());
        assertEquals(Optional.empty(), history.next());
    }

    @Test
    void sendingAgainMovesTheEntryToTheEndInsteadOfDuplicatingIt() {
        SendHistory<SendHistory.Entry> history = new SendHistory<>();
        history.record(text("a"));
        history.record(text("b"));
        history.record(text("a"));
        assertEquals(java.util.List.of(text("b"), text("a")), history.entries());
        // Same text in another format is a different send.
        history.record(new SendHistory.Entry("a", PayloadFormat.HEX));
        assertEquals(3, history.size());
    }

    @Test
    void keepsOnlyTheNewestHundred() {
        SendHistory<SendHistory.Entry> history = new SendHistory<>();
        for (int i = 0; i < 150; i++) {
            history.record(text("m" + i));
        }
        assertEquals(100, history.size());
        assertEquals(text("m50"), history.entries().getFirst());
        assertEquals(text("m149"), history.entries().getLast());
    }
}
