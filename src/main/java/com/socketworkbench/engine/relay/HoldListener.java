package com.socketworkbench.engine.relay;

/**
 * Told about held chunks. {@link #held} is called on the relay's reading thread, {@link #released} on whichever
 * thread decided (the caller of forward/drop, a relay thread for a timeout or a closing pair): implementations must
 * return quickly and never block (a UI only enqueues). A chunk's {@code released} always comes after its
 * {@code held}, exactly once.
 */
public interface HoldListener {
    void held(HeldChunk chunk);

    void released(long holdId, HoldOutcome outcome);

    /** Holds nothing back from anyone: for a relay whose intercept is never switched on. */
    HoldListener NONE = new HoldListener() {
        @Override
        public void held(HeldChunk chunk) {
        }

        @Override
        public void released(long holdId, HoldOutcome outcome) {
        }
    };
}
