package com.socketworkbench.ui.sendfile;

import com.socketworkbench.engine.text.Texts;

/** The send file panel's bundle. */
final class SendFileTexts {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.sendfile.sendfile");

    private SendFileTexts() {
    }
}
