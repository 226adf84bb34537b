package com.socketworkbench.engine.http;

import java.util.List;
import java.util.Optional;

/**
 * Where the parts of the editor text are, so the UI can colour them while the text itself stays raw. Spans are
 * char ranges [start, end) into the editor text, sorted and not overlapping; separators (": ", spaces, line
 * endings of header lines) are left uncovered.
 *
 * @param spans       the coloured parts in text order
 * @param requestLine the whole first line without its ending (part REQUEST_LINE, not repeated in spans)
 */
public record Anatomy(List<Span> spans, Optional<Span> requestLine) {

    public enum Part {
        METHOD, TARGET, VERSION,
        HEADER_NAME, HEADER_VALUE,
        /** A head line that is not a header (no colon), or a request line that does not parse. */
        INVALID_LINE,
        BLANK_LINE, BODY,
        /** Only used for {@link Anatomy#requestLine()}. */
        REQUEST_LINE
    }

    public record Span(Part part, int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }

        public int length() {
            return end - start;
        }
    }

    public Anatomy {
        spans = List.copyOf(spans);
    }

    public List<Span> spans(Part part) {
        return spans.stream().filter(s -> s.part() == part).toList();
    }

    /** The part at a char index, e.g. for a tooltip. */
    public Optional<Part> partAt(int index) {
        return spans.stream().filter(s -> index >= s.start() && index < s.end()).map(Span::part).findFirst();
    }
}
