package com.socketworkbench.ui.stream;

import com.socketworkbench.engine.text.Texts;

/** The words of the stream tabs' shared parts, in {@code stream.properties} (English) and its Chinese twin. */
final class StreamText {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.stream.stream");

    private StreamText() {
    }
}
