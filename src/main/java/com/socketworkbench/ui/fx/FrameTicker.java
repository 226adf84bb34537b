package com.socketworkbench.ui.fx;

/** Something a {@link UiExecutor} calls once per frame on the UI thread while started. UI thread only. */
public interface FrameTicker {

    /** Starts ticking; harmless when already started. */
    void start();

    /** Stops ticking; harmless when already stopped. */
    void stop();
}
