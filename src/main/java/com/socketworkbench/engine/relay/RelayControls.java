package com.socketworkbench.engine.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings the user changes while a relay runs: faults and intercept per direction, the hold timeout. Read by
 * every pipe for every chunk, so plain volatile fields; a change applies to the next chunk.
 */
final class RelayControls {
    private volatile Faults clientToServerFaults = Faults.none();
    private volatile Faults serverToClientFaults = Faults.none();
    private volatile boolean interceptClientToServer;
    private volatile boolean interceptServerToClient;
    private volatile Duration holdTimeout = Duration.ZERO;
    private volatile HoldTimeoutAction holdTimeoutAction = HoldTimeoutAction.FORWARD;

    Faults faults(RelayDirection direction) {
        return direction == RelayDirection.CLIENT_TO_SERVER ? clientToServerFaults : serverToClientFaults;
    }

    void setFaults(RelayDirection direction, Faults faults) {
        Objects.requireNonNull(faults, "faults");
        if (direction == RelayDirection.CLIENT_TO_SERVER) {
            clientToServerFaults = faults;
        } else {
            serverToClientFaults = faults;
        }
    }

    boolean intercept(RelayDirection direction) {
        return direction == RelayDirection.CLIENT_TO_SERVER ? interceptClientToServer : interceptServerToClient;
    }

    void setIntercept(RelayDirection direction, boolean on) {
        if (direction == RelayDirection.CLIENT_TO_SERVER) {
            interceptClientToServer = on;
        } else {
            interceptServerToClient = on;
        }
    }

    /** Zero: hold until the user acts. */
    Duration holdTimeout() {
        return holdTimeout;
    }

    HoldTimeoutAction holdTimeoutAction() {
        return holdTimeoutAction;
    }

    void setHoldTimeout(Duration timeout, HoldTimeoutAction action) {
        holdTimeoutAction = Objects.requireNonNull(action, "action");
        holdTimeout = Objects.requireNonNull(timeout, "timeout");
    }
}
