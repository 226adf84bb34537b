package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.HexDump;
import javafx.collections.ObservableListBase;

/**
 * A read-only list of hex dump lines that formats a line only when a cell asks for it, so a ListView can show a
 * payload of any size with a constant amount of work per visible line.
 */
public final class HexLines extends ObservableListBase<String> {
    private final ByteSource source;
    private final int size;

    public HexLines(ByteSource source) {
        this.source = source;
        this.size = (int) Math.min(Integer.MAX_VALUE, HexDump.lineCount(source.length()));
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size);
        }
        return HexDump.line(source, index);
    }

    @Override
    public int size() {
        return size;
    }
}
