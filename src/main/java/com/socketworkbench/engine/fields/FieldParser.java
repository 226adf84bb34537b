package com.socketworkbench.engine.fields;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadEncoder;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.text.Texts;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a payload with {@code {{name}}} / {@code {{name:options}}} fields into {@link Part}s. The text between
 * fields is read as the editor reads it (hex, or text with the charset and, when on, escapes), each run on its own.
 *
 * <p>Errors carry their position in the whole input: the literal runs are first checked as one text in which each
 * field is blanked out (to opening braces in text, spaces in hex), so the codec's own messages name the right
 * position and a field splitting a hex byte or an escape is an error there. Field errors are at the field's
 * opening braces. The earliest problem is reported.
 */
final class FieldParser {
    static final int MAX_RANDOM = 65_536;
    static final int MAX_WIDTH = 20;
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.fields.fields");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX",
            Locale.ROOT);
    private static final String COUNTER_OPTIONS = "start=N, step=N, width=N, u8, u16be, u16le, u32be, u32le";
    private static final String LEN_OPTIONS = "u8, u16be, u16le, u32be, u32le, ascii";
    private static final String CHECK_OPTIONS = "from=N";
    private static final String RANDOM_OPTIONS = "N (1-" + MAX_RANDOM + ")";

    private final PayloadSpec spec;
    private final String text;
    private final Clock clock;
    private final Charset fieldCharset;

    private FieldParser(PayloadSpec spec, Clock clock) {
        this.spec = spec;
        this.text = spec.text() == null ? "" : spec.text();
        this.clock = clock;
        // Hex input writes bytes; what a field spells there (digits, a time) is ASCII.
        this.fieldCharset = spec.format() == PayloadFormat.HEX ? StandardCharsets.US_ASCII : spec.charset();
    }

    /** The parts of {@code spec}'s input, the line ending (text only) as the last literal. */
    static List<Part> parse(PayloadSpec spec, Clock clock) throws PayloadFormatException {
        return new FieldParser(spec, clock).parts();
    }

    private List<Part> parts() throws PayloadFormatException {
        List<int[]> spans = new ArrayList<>();
        PayloadFormatException problem = findSpans(spans);
        PayloadFormatException literalProblem = checkLiterals(spans);
        problem = earlier(problem, literalProblem);
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (int[] span : spans) {
            if (problem != null && span[0] > problem.position()) {
                break;
            }
            addLiteral(parts, at, span[0]);
            try {
                parts.add(field(text.substring(span[0] + 2, span[1] - 2), span[0]));
            } catch (PayloadFormatException e) {
                problem = earlier(problem, e);
            }
            at = span[1];
        }
        if (problem != null) {
            throw problem;
        }
        addLiteral(parts, at, text.length());
        if (spec.format() == PayloadFormat.TEXT && spec.lineEnding().length() > 0) {
            parts.add(new Part.Literal(spec.lineEnding().bytes()));
        }
        return parts;
    }

    /** Fills {@code spans} with each field's [start of "{{", end after "}}"); an unclosed "{{" ends the search. */
    private PayloadFormatException findSpans(List<int[]> spans) {
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                return null;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                return new PayloadFormatException(TEXT.get("field.unclosed", human(open)), open);
            }
            spans.add(new int[]{open, close + 2});
            from = close + 2;
        }
    }

    private PayloadFormatException checkLiterals(List<int[]> spans) {
        char[] blanked = text.toCharArray();
        char blank = spec.format() == PayloadFormat.HEX ? ' ' : '{';
        for (int[] span : spans) {
            Arrays.fill(blanked, span[0], span[1], blank);
        }
        try {
            PayloadEncoder.encode(new String(blanked), spec.format(), spec.charset(), LineEnding.NONE,
                    spec.escapes());
            return null;
        } catch (PayloadFormatException e) {
            return e;
        }
    }

    private void addLiteral(List<Part> parts, int from, int to) throws PayloadFormatException {
        if (from >= to) {
            return;
        }
        try {
            parts.add(new Part.Literal(PayloadEncoder.encode(text.substring(from, to), spec.format(), spec.charset(),
                    LineEnding.NONE, spec.escapes())));
        } catch (PayloadFormatException e) {
            // The whole-text check passed, so a run alone should too; if not, keep its message, move its position.
            throw new PayloadFormatException(e.getMessage(), from + e.position());
        }
    }

    private static PayloadFormatException earlier(PayloadFormatException a, PayloadFormatException b) {
        if (a == null) {
            return b;
        }
        return b == null || a.position() <= b.position() ? a : b;
    }

    private Part field(String body, int position) throws PayloadFormatException {
        int colon = body.indexOf(':');
        String name = (colon < 0 ? body : body.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        String raw = colon < 0 ? null : body.substring(colon + 1);
        Written written = new Written(body.strip(), position);
        if (name.isEmpty()) {
            throw new PayloadFormatException(TEXT.get("field.empty", human(position)), position);
        }
        Checksum checksum = Checksum.named(name);
        if (checksum != null) {
            Map<String, String> options = written.options(raw, CHECK_OPTIONS, "from");
            long from = options.containsKey("from") ? written.number("from", options.get("from"), 0, Integer.MAX_VALUE)
                    : 0;
            return new Part.Check(checksum, (int) from, written.body, position);
        }
        return switch (name) {
            case "counter" -> counter(written, raw);
            case "time" -> time(written, raw);
            case "random" -> random(written, raw);
            case "len" -> length(written, raw);
            default -> throw new PayloadFormatException(TEXT.get("field.unknown", written.body, human(position)),
                    position);
        };
    }

    private Part counter(Written written, String raw) throws PayloadFormatException {
        Map<String, String> options = written.options(raw, COUNTER_OPTIONS, "start", "step", "width", "u8", "u16be",
                "u16le", "u32be", "u32le", "dec");
        long start = options.containsKey("start")
                ? written.number("start", options.get("start"), Long.MIN_VALUE, Long.MAX_VALUE) : 0;
        long step = options.containsKey("step")
                ? written.number("step", options.get("step"), Long.MIN_VALUE, Long.MAX_VALUE) : 1;
        IntegerFormat binary = written.format(options);
        if (binary != null && options.containsKey("width")) {
            throw written.error("field.counter.width", binary.option());
        }
        int width = options.containsKey("width") ? (int) written.number("width", options.get("width"), 1, MAX_WIDTH)
                : 1;
        return new Part.Counter(start, step, width, binary, fieldCharset);
    }

    private Part time(Written written, String raw) throws PayloadFormatException {
        if (raw == null || raw.isBlank()) {
            return new Part.Time(ISO, false, fieldCharset);
        }
        if (raw.strip().equals("epoch") || raw.strip().equals("epochms")) {
            return new Part.Time(null, raw.strip().equals("epoch"), fieldCharset);
        }
        try {
            DateTimeFormatter formatter = DateTimeFormatter.ofPattern(raw, Locale.ROOT);
            // Some patterns only fail when used (a field the date has not got); find out now, not on every send.
            formatter.format(ZonedDateTime.now(clock));
            return new Part.Time(formatter, false, fieldCharset);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw written.error("field.time.pattern", raw);
        }
    }

    private Part random(Written written, String raw) throws PayloadFormatException {
        if (raw == null || raw.isBlank()) {
            return new Part.Random(1);
        }
        return new Part.Random((int) written.number("N", raw.strip(), 1, MAX_RANDOM));
    }

    private Part length(Written written, String raw) throws PayloadFormatException {
        Map<String, String> options = written.options(raw, LEN_OPTIONS, "u8", "u16be", "u16le", "u32be", "u32le",
                "ascii");
        IntegerFormat binary = written.format(options);
        if (binary == null && !options.containsKey("ascii")) {
            binary = IntegerFormat.U16BE;
        }
        return new Part.Length(binary, fieldCharset, written.body, written.position);
    }

    static int human(int index) {
        return index + 1;
    }

    /** A field as the user wrote it, for reading its options and naming it in a message. */
    private record Written(String body, int position) {

        PayloadFormatException error(String key, Object... more) {
            Object[] arguments = new Object[more.length + 2];
            arguments[0] = body;
            arguments[1] = human(position);
            System.arraycopy(more, 0, arguments, 2, more.length);
            return new PayloadFormatException(TEXT.get(key, arguments), position);
        }

        /**
         * The comma-separated options ("start=1", "u16be") by key; a bare word maps to "". Anything not in
         * {@code known}, or given twice, is an error that lists {@code help}.
         */
        Map<String, String> options(String raw, String help, String... known) throws PayloadFormatException {
            Map<String, String> options = new HashMap<>();
            if (raw == null || raw.isBlank()) {
                return options;
            }
            for (String item : raw.split(",", -1)) {
                String option = item.strip();
                int equals = option.indexOf('=');
                String key = (equals < 0 ? option : option.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
                String value = equals < 0 ? "" : option.substring(equals + 1).strip();
                if (key.isEmpty() || !List.of(known).contains(key) || (equals < 0) == isValued(key)) {
                    throw error("field.option.unknown", option, help);
                }
                if (options.put(key, value) != null) {
                    throw error("field.option.twice", key);
                }
            }
            return options;
        }

        private static boolean isValued(String key) {
            return switch (key) {
                case "start", "step", "width", "from" -> true;
                default -> false;
            };
        }

        long number(String name, String value, long min, long max) throws PayloadFormatException {
            long number;
            try {
                number = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw error("field.option.number", name, value);
            }
            if (number < min || number > max) {
                throw error("field.option.range", name, min, max);
            }
            return number;
        }

        /** The one binary format among the options, or null; two formats is an error. */
        IntegerFormat format(Map<String, String> options) throws PayloadFormatException {
            IntegerFormat found = null;
            String foundName = null;
            for (String key : options.keySet().stream().sorted().toList()) {
                IntegerFormat format = IntegerFormat.named(key);
                String other = format != null ? key : key.equals("ascii") || key.equals("dec") ? key : null;
                if (other == null) {
                    continue;
                }
                if (foundName != null) {
                    throw error("field.option.formats", foundName, other);
                }
                foundName = other;
                found = format;
            }
            return found;
        }
    }
}
