package com.socketworkbench.engine.rules;

import java.util.List;
import java.util.Objects;

/**
 * A tab's auto-reply rules in order, shared by the {@link RuleTee}s of its engine components. The list is replaced
 * whole (the UI edits a copy and hands it over), so socket threads read it without locking.
 *
 * <p>Evaluation: the first active rule whose pattern matches a message answers it; the rules after it are not
 * asked. So a specific rule goes above a catch-all one.
 */
public final class RuleBook {
    /** A rule looks at most at this many bytes of a message (keeps a regex on a large frame bounded). */
    public static final int MATCH_WINDOW = 64 * 1024;
    /** Replies a rule may send within one second before the loop guard pauses it. */
    public static final int DEFAULT_LOOP_LIMIT = 1_000;

    private volatile int loopLimit;
    private volatile List<LiveRule> rules = List.of();

    public RuleBook() {
        this(DEFAULT_LOOP_LIMIT);
    }

    /** A book whose rules pause beyond {@code loopLimit} replies a second. */
    public RuleBook(int loopLimit) {
        if (loopLimit < 1) {
            throw new IllegalArgumentException("loopLimit must be at least 1, was " + loopLimit);
        }
        this.loopLimit = loopLimit;
    }

    /** Uses {@code rules} from the next message on. */
    public void set(List<LiveRule> rules) {
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    public List<LiveRule> rules() {
        return rules;
    }

    public int loopLimit() {
        return loopLimit;
    }

    /** Changes the loop guard's limit from the next hit on. */
    public void setLoopLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("loopLimit must be at least 1, was " + limit);
        }
        this.loopLimit = limit;
    }

    /** True when some rule is active (a tee skips the work otherwise). */
    boolean anyActive() {
        for (LiveRule rule : rules) {
            if (rule.isActive()) {
                return true;
            }
        }
        return false;
    }
}
