package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.HexDump;

import java.util.ArrayList;
import java.util.List;

/**
 * What a hex dump marks in the payload it shows: the selected byte range, the search matches (the current one apart)
 * and one range its owner flags (the bytes a verdict names). Plain state, read by the visible {@link HexLineCell}s
 * only.
 */
public final class HexMarks {
    static final String SELECTION = "hex-selection";
    static final String MATCH = "hex-match";
    static final String CURRENT_MATCH = "hex-match-current";

    /** A marked range, bytes {@code start} to {@code end} (exclusive). */
    record Mark(int start, int end, String styleClass) {
    }

    private long length;
    private int offsetDigits = 8;
    private List<PayloadPattern.Range> matches = List.of();
    private int current = -1;
    private int selectionStart = -1;
    private int selectionEnd = -1;
    private int flagStart = -1;
    private int flagEnd = -1;
    private String flagStyle = "";

    /** A payload of {@code payloadLength} bytes is shown: nothing marked yet. */
    public void reset(long payloadLength) {
        length = payloadLength;
        // The same width HexDump gives every line's offset, so columns are found where they are drawn.
        offsetDigits = HexDump.offsetColumn(0, payloadLength).length();
        matches = List.of();
        current = -1;
        selectionStart = -1;
        selectionEnd = -1;
        flagStart = -1;
        flagEnd = -1;
    }

    /** Flags bytes {@code start} to {@code end} (exclusive), drawn in {@code styleClass}; a negative start for none. */
    public void setFlag(int start, int end, String styleClass) {
        flagStart = start;
        flagEnd = end;
        flagStyle = styleClass;
    }

    void setMatches(List<PayloadPattern.Range> ranges, int currentIndex) {
        matches = List.copyOf(ranges);
        current = currentIndex;
    }

    void setCurrent(int index) {
        current = index;
    }

    void setSelection(int start, int end) {
        selectionStart = start;
        selectionEnd = end;
    }

    long length() {
        return length;
    }

    int offsetDigits() {
        return offsetDigits;
    }

    /** Marks touching bytes {@code from} to {@code to}: matches first, the current match and the selection on top. */
    List<Mark> marksBetween(int from, int to) {
        if (matches.isEmpty() && selectionStart < 0 && flagStart < 0) {
            return List.of();
        }
        List<Mark> out = new ArrayList<>();
        int first = firstMatchEndingAfter(from);
        for (int i = first; i < matches.size() && matches.get(i).start() < to; i++) {
            PayloadPattern.Range r = matches.get(i);
            out.add(new Mark(r.start(), r.end(), i == current ? CURRENT_MATCH : MATCH));
        }
        if (flagStart >= 0 && flagStart < to && flagEnd > from) {
            out.add(new Mark(flagStart, flagEnd, flagStyle));
        }
        if (selectionStart >= 0 && selectionStart < to && selectionEnd > from) {
            out.add(new Mark(selectionStart, selectionEnd, SELECTION));
        }
        return out;
    }

    /** Binary search: matches are sorted and do not overlap. */
    private int firstMatchEndingAfter(int offset) {
        int low = 0;
        int high = matches.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (matches.get(mid).end() <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
