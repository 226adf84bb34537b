package com.socketworkbench.ui.capture;

/** Where a tab's recording is: the writer is opened and closed off the FX thread, so there are in-between states. */
public enum RecordState {
    OFF, STARTING, ON, STOPPING
}
