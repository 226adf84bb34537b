package com.socketworkbench.engine.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The request editor's text cut into head lines, the blank line and the body. Only "\n" ends a line (a "\r" right
 * before it belongs to the ending); the head ends at the first empty line.
 */
record EditorLines(String text, List<Line> headLines, Line blankLine, int bodyStart) {

    /**
     * One line of the head. {@code start..contentEnd} is the text without its ending, {@code end} is after the ending.
     */
    record Line(int start, int contentEnd, int end, String ending) {

        String content(String text) {
            return text.substring(start, contentEnd);
        }

        boolean isEmpty() {
            return start == contentEnd;
        }
    }

    /** The body start is {@code text.length()} when there is no blank line. {@code blankLine} may be null. */
    static EditorLines split(String text) {
        List<Line> head = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int lf = text.indexOf('\n', pos);
            Line line;
            if (lf < 0) {
                line = new Line(pos, text.length(), text.length(), "");
            } else if (lf > pos && text.charAt(lf - 1) == '\r') {
                line = new Line(pos, lf - 1, lf + 1, "\r\n");
            } else {
                line = new Line(pos, lf, lf + 1, "\n");
            }
            if (line.isEmpty() && !line.ending().isEmpty()) {
                return new EditorLines(text, List.copyOf(head), line, line.end());
            }
            head.add(line);
            pos = line.end();
        }
        return new EditorLines(text, List.copyOf(head), null, text.length());
    }

    String body() {
        return text.substring(bodyStart);
    }
}
