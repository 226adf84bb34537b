package com.socketworkbench.ui.traffic;

/**
 * Walks the search matches inside the row being inspected; the timeline moves to the next or previous row when it
 * says there is no further match in this one.
 */
public interface MatchNavigator {
    /** A navigator for a timeline without an inspector: every row is one stop. */
    MatchNavigator NONE = new MatchNavigator() {
        @Override
        public boolean next() {
            return false;
        }

        @Override
        public boolean previous() {
            return false;
        }

        @Override
        public void first() {
        }

        @Override
        public void last() {
        }
    };

    /** Moves to the next match in the row; false when there is none after the current one. */
    boolean next();

    /** Moves to the previous match in the row; false when there is none before the current one. */
    boolean previous();

    /** Shows the row's first match (after the timeline selected a new row). */
    void first();

    /** Shows the row's last match. */
    void last();
}
