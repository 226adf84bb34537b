package com.socketworkbench.engine.rules;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.codec.TextEscapes;
import com.socketworkbench.engine.fields.FieldTemplate;
import com.socketworkbench.engine.fields.PayloadSpec;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's reply: a {@link PayloadSpec} whose text may name captures, {@code $0} to {@code $9} ({@code $$} is a
 * dollar sign). Without captures the spec is compiled once and each reply is its {@link FieldTemplate#next()}, so
 * dynamic fields (counters) advance from reply to reply. With captures the text is filled in first and compiled per
 * reply, rendered as reply number n of the rule, so counters advance from reply to reply there too. A capture goes into a hex reply as its bytes in hex; into a text reply
 * with escapes on as escaped text ({@code \xNN} for what does not decode, so the bytes come back exactly); with
 * escapes off as text decoded with the reply's charset.
 */
final class ReplyTemplate {
    private static final Pattern REFERENCE = Pattern.compile("\\$([0-9$])");

    private final PayloadSpec spec;
    private final boolean usesCaptures;
    private final FieldTemplate fixed;
    private final AtomicLong replies = new AtomicLong();

    private ReplyTemplate(PayloadSpec spec, boolean usesCaptures, FieldTemplate fixed) {
        this.spec = spec;
        this.usesCaptures = usesCaptures;
        this.fixed = fixed;
    }

    /**
     * @throws InvalidRuleException (REPLY) where the reply cannot become bytes; references are checked as if each
     *                              held one byte, so the position is that in what the user typed
     */
    static ReplyTemplate compile(PayloadSpec spec) throws InvalidRuleException {
        String text = spec.text() == null ? "" : spec.text();
        boolean usesCaptures = REFERENCE.matcher(text).find();
        // A same-length stand-in for each reference keeps the positions of the compile's errors where the user typed.
        String standIn = spec.format() == PayloadFormat.HEX ? "00" : "xx";
        String checked = REFERENCE.matcher(text).replaceAll(match -> match.group(1).equals("$") ? "\\$\\$" : standIn);
        try {
            FieldTemplate template = FieldTemplate.compile(withText(spec, checked));
            return new ReplyTemplate(spec, usesCaptures, usesCaptures ? null : template);
        } catch (PayloadFormatException e) {
            throw new InvalidRuleException(InvalidRuleException.Field.REPLY, e.getMessage(), e.position());
        }
    }

    /** The bytes of one reply to a match that caught {@code captures}. */
    byte[] render(Captures captures) throws PayloadFormatException {
        if (!usesCaptures) {
            return fixed.next();
        }
        String text = REFERENCE.matcher(spec.text()).replaceAll(match -> {
            String name = match.group(1);
            if (name.equals("$")) {
                return "\\$";
            }
            return Matcher.quoteReplacement(insert(captures.group(name.charAt(0) - '0')));
        });
        return FieldTemplate.compile(withText(spec, text)).render(replies.getAndIncrement());
    }

    private String insert(byte[] capture) {
        if (spec.format() == PayloadFormat.HEX) {
            return " " + HexCodec.format(capture) + " ";
        }
        return spec.escapes() ? TextEscapes.escape(capture, spec.charset()) : new String(capture, spec.charset());
    }

    private static PayloadSpec withText(PayloadSpec spec, String text) {
        return new PayloadSpec(text, spec.format(), spec.charset(), spec.lineEnding(), spec.escapes(), spec.fields());
    }

    /** For tests: whether the text names a capture. */
    boolean usesCaptures() {
        return usesCaptures;
    }
}
