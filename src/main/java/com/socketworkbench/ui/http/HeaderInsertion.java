package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.Anatomy;
import com.socketworkbench.engine.http.RawRequestBuilder;

/** Where the header helper puts a new header line: at the end of the head, before the blank line. */
final class HeaderInsertion {
    private HeaderInsertion() {
    }

    /** {@code requestText} with {@code headerLine} added as the last header, using the head's own line ending. */
    static String insert(String requestText, String headerLine) {
        String text = requestText == null ? "" : requestText;
        Anatomy anatomy = RawRequestBuilder.anatomy(text);
        for (Anatomy.Span span : anatomy.spans()) {
            if (span.part() == Anatomy.Part.BLANK_LINE) {
                String ending = text.startsWith("\r\n", span.start()) ? "\r\n" : "\n";
                return text.substring(0, span.start()) + headerLine + ending + text.substring(span.start());
            }
        }
        if (text.isEmpty()) {
            return headerLine + "\n";
        }
        String ending = text.contains("\r\n") ? "\r\n" : "\n";
        return text + (text.endsWith("\n") ? "" : ending) + headerLine + ending;
    }
}
