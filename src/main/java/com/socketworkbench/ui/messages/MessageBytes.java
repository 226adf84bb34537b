package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.fields.PayloadSpec;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.workspace.SavedMessage;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** A saved message's bytes, encoded with its own format, charset and line ending (never the editor's). */
final class MessageBytes {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");
    private MessageBytes() {
    }

    /** How the message's text is read: always with escapes (saved text is escaped), fields as saved. */
    static PayloadSpec spec(SavedMessage message) throws PayloadFormatException {
        return new PayloadSpec(message.text(), message.format(), charset(message), message.lineEnding(), true,
                message.fields());
    }

    static Charset charset(SavedMessage message) throws PayloadFormatException {
        try {
            return Charset.forName(message.charset());
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new PayloadFormatException(TEXT.get("charset.unknown", message.charset()), 0);
        }
    }
}
