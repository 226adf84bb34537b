package com.socketworkbench.engine.relay;

/** What happens to a held chunk nobody decided on within the hold timeout. */
public enum HoldTimeoutAction {
    /** Forward it unchanged. */
    FORWARD,
    /** Drop it (a Notice says so). */
    DROP
}
