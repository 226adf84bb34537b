package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.capture.PcapngRecorder;

/**
 * The engine's threads are daemons, so an app that exits while recording would end the JVM with the last events
 * still queued. A shutdown hook per running recording closes its file first (the recorder waits at most a minute).
 */
final class CloseAtExit {

    private CloseAtExit() {
    }

    static Thread register(PcapngRecorder recorder) {
        Thread hook = Thread.ofPlatform().name("capture-close-at-exit").unstarted(recorder::close);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException shuttingDown) {
            return null;
        }
    }

    static void unregister(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it closes the file, which is what it is for.
        }
    }
}
