package com.socketworkbench.workspace;

import com.socketworkbench.engine.text.Texts;

/** The words of the workspace files' error messages (bundle {@code workspace}, English and Chinese). */
final class WorkspaceTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.workspace.workspace");

    private WorkspaceTexts() {
    }
}
