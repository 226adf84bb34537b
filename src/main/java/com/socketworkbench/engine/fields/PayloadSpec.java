package com.socketworkbench.engine.fields;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;

import java.nio.charset.Charset;

/**
 * What a user typed for a send, and how to read it: the input as text or hex, the charset and line ending for text,
 * whether backslash escapes are read, and whether {@code {{...}}} dynamic fields are read (off by default, so literal
 * braces stay literal). A value: the send editor, periodic send, auto-reply rules and scenarios all compile one into a
 * {@link FieldTemplate}.
 */
public record PayloadSpec(String text, PayloadFormat format, Charset charset, LineEnding lineEnding, boolean escapes,
                          boolean fields) {
}
