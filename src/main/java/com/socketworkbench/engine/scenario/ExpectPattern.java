package com.socketworkbench.engine.scenario;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.PayloadFormatException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an expect waits for: text it contains, a regular expression (UTF-8 text), or hex bytes with {@code ??} for
 * any byte. Matching looks anywhere in the bytes not yet consumed (a regex's {@code ^} is their start); the match's
 * end is where the next expect goes on.
 */
sealed interface ExpectPattern permits ExpectPattern.Contains, ExpectPattern.Regex, ExpectPattern.Hex {

    /** The pattern as written, for messages. */
    Template source();

    /** "contains", "regex" or "hex": the key it was written with. */
    String key();

    /** The pattern ready to match, with the variables' current values. */
    Prepared prepare(Map<String, String> vars) throws Template.MissingVariable, InvalidPattern;

    /** A pattern ready to search bytes. */
    interface Prepared {
        /** The first match in {@code len} bytes of {@code data} from {@code off}, or null. */
        Found find(byte[] data, int off, int len);

        /** The pattern as matched (variables filled in), for "expected ..." in a failure. */
        String shown();
    }

    /**
     * A match: {@code start} and {@code end} relative to the searched bytes; {@code group} gives a capture's text by
     * number or name ("0" is the whole match), null when there is no such group.
     */
    record Found(int start, int end, Function<String, String> group) {
    }

    /** A pattern that does not compile once its variables are filled in (caught when the file is read otherwise). */
    final class InvalidPattern extends Exception {
        InvalidPattern(String message) {
            super(message, null, false, false);
        }
    }

    record Contains(Template source) implements ExpectPattern {
        @Override
        public String key() {
            return "contains";
        }

        @Override
        public Prepared prepare(Map<String, String> vars) throws Template.MissingVariable {
            String text = source.render(vars);
            byte[] needle = text.getBytes(StandardCharsets.UTF_8);
            return new Prepared() {
                @Override
                public Found find(byte[] data, int off, int len) {
                    int at = Bytes.indexOf(data, off, len, needle, null);
                    return at < 0 ? null : new Found(at, at + needle.length,
                            group -> "0".equals(group) ? text : null);
                }

                @Override
                public String shown() {
                    return text;
                }
            };
        }
    }

    record Regex(Template source, Pattern compiled) implements ExpectPattern {
        @Override
        public String key() {
            return "regex";
        }

        /** Compiles {@code regex}; variables' values are matched literally (quoted). */
        static Pattern compile(String regex) throws InvalidPattern {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new InvalidPattern(e.getDescription() + " (" + e.getIndex() + ")");
            }
        }

        @Override
        public Prepared prepare(Map<String, String> vars) throws Template.MissingVariable, InvalidPattern {
            Pattern pattern = compiled != null ? compiled : compile(source.render(vars, Pattern::quote));
            return new Prepared() {
                @Override
                public Found find(byte[] data, int off, int len) {
                    Utf8Window window = Utf8Window.decode(data, off, len);
                    Matcher m = pattern.matcher(window.text);
                    if (!m.find()) {
                        return null;
                    }
                    java.util.regex.MatchResult result = m.toMatchResult();
                    Map<String, Integer> named = pattern.namedGroups();
                    return new Found(window.offsets[m.start()], window.offsets[m.end()], group -> {
                        Integer index = named.get(group);
                        if (index == null) {
                            try {
                                index = Integer.parseInt(group);
                            } catch (NumberFormatException e) {
                                return null;
                            }
                        }
                        return index <= result.groupCount() ? result.group(index) : null;
                    });
                }

                @Override
                public String shown() {
                    return pattern.pattern();
                }
            };
        }
    }

    record Hex(Template source, HexPattern compiled) implements ExpectPattern {
        @Override
        public String key() {
            return "hex";
        }

        @Override
        public Prepared prepare(Map<String, String> vars) throws Template.MissingVariable, InvalidPattern {
            HexPattern pattern = compiled != null ? compiled : HexPattern.parse(source.render(vars));
            return new Prepared() {
                @Override
                public Found find(byte[] data, int off, int len) {
                    int at = Bytes.indexOf(data, off, len, pattern.bytes, pattern.any);
                    if (at < 0) {
                        return null;
                    }
                    int end = at + pattern.bytes.length;
                    return new Found(at, end, group -> "0".equals(group)
                            ? HexCodec.format(data, off + at, pattern.bytes.length, false) : null);
                }

                @Override
                public String shown() {
                    return pattern.shown();
                }
            };
        }
    }

    /** Hex bytes in which {@code ??} stands for any one byte. */
    final class HexPattern {
        final byte[] bytes;
        final boolean[] any;

        private HexPattern(byte[] bytes, boolean[] any) {
            this.bytes = bytes;
            this.any = any;
        }

        static HexPattern parse(String text) throws InvalidPattern {
            List<Byte> bytes = new ArrayList<>();
            List<Boolean> any = new ArrayList<>();
            for (String token : text.strip().split("[\\s,:]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                if ("??".equals(token)) {
                    bytes.add((byte) 0);
                    any.add(true);
                    continue;
                }
                byte[] parsed;
                try {
                    parsed = HexCodec.parse(token);
                } catch (PayloadFormatException e) {
                    throw new InvalidPattern(e.getMessage());
                }
                for (byte b : parsed) {
                    bytes.add(b);
                    any.add(false);
                }
            }
            if (bytes.isEmpty()) {
                throw new InvalidPattern(ScenarioTexts.TEXT.get("error.hex.empty"));
            }
            byte[] b = new byte[bytes.size()];
            boolean[] a = new boolean[bytes.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = bytes.get(i);
                a[i] = any.get(i);
            }
            return new HexPattern(b, a);
        }

        String shown() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(any[i] ? "??" : HexCodec.format(bytes, i, 1, false));
            }
            return sb.toString();
        }
    }
}
