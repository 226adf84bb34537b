package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdicts of one response as the parser finds them. A hostile server can make a finding every few bytes (a head
 * of lines without colons, a stream of interim responses), so findings that can repeat line after line go through
 * {@link #addCapped}: the first {@value #LIMIT} are kept, of the rest only the count and the worst severity, and
 * {@link #list()} ends with one summary verdict that says so. Findings that happen at most once or a few times per
 * response (how it is framed, why it ended) go through {@link #add} and are always kept, since they say what the
 * response is. What the parser holds is then bounded by the limit, not by the bytes received.
 */
final class CappedVerdicts {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");
    static final int LIMIT = 200;

    private final List<Verdict> kept = new ArrayList<>();
    private int cappedKept;
    private long omitted;
    private long errorsOmitted;
    private Severity worstOmitted;
    private long firstOmittedAt;

    /** A finding that happens at most a few times per response: always kept. */
    void add(Verdict verdict) {
        kept.add(verdict);
    }

    /** A finding that can repeat with every line: kept while fewer than {@value #LIMIT} are, then only counted. */
    void addCapped(Verdict verdict) {
        if (cappedKept < LIMIT) {
            cappedKept++;
            kept.add(verdict);
            return;
        }
        if (omitted == 0) {
            firstOmittedAt = verdict.byteOffset();
        }
        omitted++;
        if (verdict.severity() == Severity.ERROR) {
            errorsOmitted++;
        }
        if (worstOmitted == null || verdict.severity().compareTo(worstOmitted) < 0) {
            worstOmitted = verdict.severity();
        }
    }

    /** The kept verdicts in the order found, then the summary of the omitted ones (if any). */
    List<Verdict> list() {
        List<Verdict> all = new ArrayList<>(kept.size() + 1);
        all.addAll(kept);
        if (omitted > 0) {
            all.add(new Verdict(worstOmitted, VerdictCodes.VERDICTS_OMITTED, TEXT.get("verdict.omitted",
                    String.format(Locale.ROOT, "%,d", omitted), firstOmittedAt,
                    String.format(Locale.ROOT, "%,d", errorsOmitted), LIMIT), firstOmittedAt));
        }
        return all;
    }
}
