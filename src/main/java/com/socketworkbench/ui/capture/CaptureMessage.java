package com.socketworkbench.ui.capture;

/**
 * What an export or a recording has to tell the user, shown in the tab's notification bar.
 *
 * @param serial tells two equal messages apart, so saying the same thing twice is shown twice
 */
public record CaptureMessage(String text, boolean error, long serial) {
}
