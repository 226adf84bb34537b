package com.socketworkbench.bench;

import com.socketworkbench.ui.traffic.TimelineRow;
import com.socketworkbench.engine.event.DataEvent;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plain JDK program would do with the same bytes, for P8's ratio: a straightforward loop over every payload
 * (ASCII case folded for plain text, a mask for hex wildcards; the same matches as the app's), and {@link Pattern}
 * over each payload read as ISO-8859-1 (one char per byte, nothing to decode). Counts non-overlapping matches, so its
 * count can be checked against the app's.
 */
final class SearchBaseline {
    private SearchBaseline() {
    }

    /** Rows with a match and matches, like {@link AppTimelineSearch.Found}. */
    static AppTimelineSearch.Found plain(TimelineRow[] rows, String text) {
        byte[] needle = text.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return bytes(rows, needle, new boolean[needle.length], true);
    }

    /** {@code needle} with {@code any[i]} true where any byte matches ("??"). */
    static AppTimelineSearch.Found hex(TimelineRow[] rows, byte[] needle, boolean[] any) {
        return bytes(rows, needle, any, false);
    }

    static AppTimelineSearch.Found regex(TimelineRow[] rows, Pattern pattern) {
        int matchedRows = 0;
        long matches = 0;
        for (TimelineRow row : rows) {
            if (!(row.event() instanceof DataEvent data)) {
                continue;
            }
            Matcher matcher = pattern.matcher(new String(data.data(), StandardCharsets.ISO_8859_1));
            int found = 0;
            while (matcher.find()) {
                found++;
            }
            matches += found;
            matchedRows += found > 0 ? 1 : 0;
        }
        return new AppTimelineSearch.Found(matchedRows, matches);
    }

    private static AppTimelineSearch.Found bytes(TimelineRow[] rows, byte[] needle, boolean[] any, boolean fold) {
        int matchedRows = 0;
        long matches = 0;
        int n = needle.length;
        for (TimelineRow row : rows) {
            if (!(row.event() instanceof DataEvent data)) {
                continue;
            }
            byte[] bytes = data.data();
            int found = 0;
            int i = 0;
            while (i <= bytes.length - n) {
                int j = 0;
                while (j < n && (any[j] || (fold ? lower(bytes[i + j]) : bytes[i + j]) == needle[j])) {
                    j++;
                }
                if (j == n) {
                    found++;
                    i += n;
                } else {
                    i++;
                }
            }
            matches += found;
            matchedRows += found > 0 ? 1 : 0;
        }
        return new AppTimelineSearch.Found(matchedRows, matches);
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
