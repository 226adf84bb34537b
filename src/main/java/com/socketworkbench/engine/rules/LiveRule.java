package com.socketworkbench.engine.rules;

import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.codec.TextEscapes;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A checked {@link Rule} in use: its matcher and reply, its hit counter and its loop guard. Shared by every socket
 * thread of a tab (the counters are atomic, the guard's window is locked), read by the UI on its tick.
 *
 * <p>The loop guard: a rule that replies more than {@code limit} times within one second pauses (it stops
 * matching) and says why in {@link #pausedReason()}; {@link #setEnabled(boolean) enabling} it again resumes it.
 */
public final class LiveRule {
    private final Rule rule;
    private final ByteMatcher matcher;
    private final ReplyTemplate reply;
    private final AtomicLong hits = new AtomicLong();
    private volatile boolean enabled;
    private volatile String pausedReason;
    private long windowStart;
    private int inWindow;

    private LiveRule(Rule rule, ByteMatcher matcher, ReplyTemplate reply) {
        this.rule = rule;
        this.matcher = matcher;
        this.reply = reply;
        this.enabled = rule.enabled();
    }

    /**
     * Checks {@code rule} and makes it usable.
     *
     * @throws InvalidRuleException naming the field at fault (and the position in it): an empty name, a pattern
     *                              that is empty or not valid for its kind, a reply that cannot become bytes, a
     *                              delay out of range
     */
    public static LiveRule compile(Rule rule) throws InvalidRuleException {
        if (rule.name().isBlank()) {
            throw new InvalidRuleException(InvalidRuleException.Field.NAME, RuleTexts.TEXT.get("error.name.empty"),
                    -1);
        }
        ByteMatcher matcher = switch (rule.kind()) {
            case ANY -> ByteMatcher.ANY;
            case HEX -> BytePattern.parseHex(rule.pattern());
            case REGEX -> RegexMatcher.compile(rule.pattern(), rule.reply().charset());
            case TEXT -> text(rule);
        };
        ReplyTemplate reply = ReplyTemplate.compile(rule.reply());
        if (rule.delayMillis() < 0 || rule.delayMillis() > Rule.MAX_DELAY_MILLIS) {
            throw new InvalidRuleException(InvalidRuleException.Field.DELAY,
                    RuleTexts.TEXT.get("error.delay", Rule.MAX_DELAY_MILLIS), -1);
        }
        return new LiveRule(rule, matcher, reply);
    }

    /** The problem {@link #compile} would report, or null. */
    public static InvalidRuleException check(Rule rule) {
        try {
            compile(rule);
            return null;
        } catch (InvalidRuleException e) {
            return e;
        }
    }

    private static ByteMatcher text(Rule rule) throws InvalidRuleException {
        if (rule.pattern().isEmpty()) {
            throw new InvalidRuleException(InvalidRuleException.Field.MATCH, RuleTexts.TEXT.get("error.pattern.empty"),
                    -1);
        }
        try {
            return BytePattern.literal(TextEscapes.encode(rule.pattern(), rule.reply().charset()));
        } catch (PayloadFormatException e) {
            throw new InvalidRuleException(InvalidRuleException.Field.MATCH, e.getMessage(), e.position());
        }
    }

    /** The rule as written, with the enabled state it has now (a paused rule reads as disabled). */
    public Rule rule() {
        return rule.withEnabled(isActive());
    }

    public String name() {
        return rule.name();
    }

    /** Matches that this rule answered (or, for the one that tripped the loop guard, refused). */
    public long hits() {
        return hits.get();
    }

    /** On and not paused by the loop guard. */
    public boolean isActive() {
        return enabled && pausedReason == null;
    }

    /** Switches the rule on or off; switching it on resumes it after a pause (and restarts the guard's count). */
    public synchronized void setEnabled(boolean on) {
        enabled = on;
        if (on) {
            pausedReason = null;
            windowStart = 0;
            inWindow = 0;
        }
    }

    /** Why the loop guard paused the rule, or null while it is not paused. */
    public String pausedReason() {
        return pausedReason;
    }

    Captures find(byte[] data, int length) {
        return matcher.find(data, length);
    }

    byte[] render(Captures captures) throws PayloadFormatException {
        return reply.render(captures);
    }

    long delayMillis() {
        return rule.delayMillis();
    }

    /** What the loop guard says to a hit. */
    enum Admission { ANSWER, REFUSE, PAUSED_NOW }

    /**
     * Counts a hit and asks the loop guard whether it may be answered: PAUSED_NOW (and the rule paused, with the
     * reason) for the hit beyond {@code limit} within one second; REFUSE when the rule went inactive meanwhile.
     */
    synchronized Admission admit(long nowNanos, int limit) {
        if (!isActive()) {
            return Admission.REFUSE;
        }
        hits.incrementAndGet();
        if (windowStart == 0 || nowNanos - windowStart >= 1_000_000_000L) {
            windowStart = nowNanos;
            inWindow = 0;
        }
        if (++inWindow > limit) {
            pausedReason = RuleTexts.TEXT.get("paused.reason", String.format(java.util.Locale.ROOT, "%,d", limit));
            return Admission.PAUSED_NOW;
        }
        return Admission.ANSWER;
    }
}
