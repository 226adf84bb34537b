package com.socketworkbench.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which arguments open the window (as before the command line existed) and which go to the command line. */
class LauncherArgumentsTest {

    @Test
    void noArgumentsBlankOnesAndTheWorkspaceOptionOpenTheWindow() {
        assertTrue(Launcher.opensWindow(new String[0]));
        assertTrue(Launcher.opensWindow(new String[]{""}));
        assertTrue(Launcher.opensWindow(new String[]{"--workspace=/tmp/w.json"}));
    }

    @Test
    void commandsHelpAndUnknownWordsGoToTheCommandLine() {
        assertFalse(Launcher.opensWindow(new String[]{"send", "tcp", "127.0.0.1", "5020", "x"}));
        assertFalse(Launcher.opensWindow(new String[]{"--help"}));
        assertFalse(Launcher.opensWindow(new String[]{"frobnicate"}));
        assertFalse(Launcher.opensWindow(new String[]{"--workspace=/tmp/w.json", "run", "a.yaml"}));
    }
}
