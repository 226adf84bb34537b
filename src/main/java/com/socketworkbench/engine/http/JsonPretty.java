package com.socketworkbench.engine.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON (RFC 8259) for the response view: {@link #format} pretty-prints with Jackson's streaming parser and
 * generator, {@link #problem} says in plain words where a text stops being JSON (the INVALID_JSON verdict and the
 * body view's note). Strings, member names and numbers are copied exactly as written (escapes are not re-encoded,
 * digits are not re-formatted), so formatting never changes a value; member order is kept.
 */
public final class JsonPretty {

    /** Deeper nesting is refused rather than risking the stack. */
    public static final int MAX_DEPTH = 512;
    private static final String INDENT = "  ";

    /**
     * Jackson's own caps on number and string length are lifted (the body view decodes at most 256 KiB anyway, and a
     * long number is exactly what a user may want to see whole); the nesting cap is ours.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter(INDENT, "\n"))
            .withArrayIndenter(new DefaultIndenter(INDENT, "\n"));

    private JsonPretty() {
    }

    /** Pretty text with two-space indentation, or empty when the text is not valid JSON. */
    public static Optional<String> format(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        StringWriter out = new StringWriter(text.length() + text.length() / 2);
        try (JsonParser parser = FACTORY.createParser(text);
             JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(PRINTER.createInstance());
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            copy(parser, generator, text);
            while (!parser.getParsingContext().inRoot()) {
                if (parser.nextToken() == null) {
                    return Optional.empty();
                }
                copy(parser, generator, text);
            }
            if (parser.nextToken() != null) {
                return Optional.empty();
            }
            generator.flush();
            return Optional.of(out.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the parser's current token; scalars go out as the characters they were written with. */
    private static void copy(JsonParser parser, JsonGenerator generator, String text) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> generator.writeStartObject();
            case END_OBJECT -> generator.writeEndObject();
            case START_ARRAY -> generator.writeStartArray();
            case END_ARRAY -> generator.writeEndArray();
            case FIELD_NAME -> generator.writeFieldName(new RawName(parser.currentName(),
                    quotedAt(text, (int) parser.currentTokenLocation().getCharOffset())));
            case VALUE_STRING -> {
                parser.finishToken();
                String quoted = quotedAt(text, (int) parser.currentTokenLocation().getCharOffset());
                generator.writeRawValue("\"" + quoted + "\"");
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getText());
            case VALUE_TRUE -> generator.writeBoolean(true);
            case VALUE_FALSE -> generator.writeBoolean(false);
            case VALUE_NULL -> generator.writeNull();
            default -> throw new IOException("Unexpected " + token);
        }
    }

    /** The characters between the quotes of the string that starts at {@code quote}, escapes as written. */
    private static String quotedAt(String text, int quote) throws IOException {
        if (quote < 0 || quote >= text.length() || text.charAt(quote) != '"') {
            throw new IOException("No string at " + quote);
        }
        int i = quote + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return text.substring(quote + 1, Math.min(i, text.length()));
    }

    /**
     * A member name that Jackson writes with the escapes it was received with: the "quoted" forms are the raw text
     * between the quotes, the unquoted ones the decoded name.
     */
    private record RawName(String getValue, String raw) implements SerializableString {
        @Override
        public int charLength() {
            return getValue.length();
        }

        @Override
        public char[] asQuotedChars() {
            return raw.toCharArray();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return getValue.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] asQuotedUTF8() {
            return raw.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return append(asQuotedUTF8(), buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return append(raw, buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            return append(asUnquotedUTF8(), buffer, offset);
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return append(getValue, buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            byte[] bytes = asQuotedUTF8();
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            byte[] bytes = asUnquotedUTF8();
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            return put(asQuotedUTF8(), buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            return put(asUnquotedUTF8(), buffer);
        }

        /** As Jackson's own strings: -1 when the buffer has no room. */
        private static int append(byte[] bytes, byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        private static int append(String text, char[] buffer, int offset) {
            if (offset + text.length() > buffer.length) {
                return -1;
            }
            text.getChars(0, text.length(), buffer, offset);
            return text.length();
        }

        private static int put(byte[] bytes, ByteBuffer buffer) {
            if (bytes.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }
    }

    /** Why the text is not valid JSON ("Expected ',' or '}' at line 3, column 5"), or empty when it is valid. */
    public static Optional<String> problem(String json) {
        return JsonSyntax.problem(json);
    }

    /** Where {@link #problem(String)} found the first error, as a char index; empty when the text is valid. */
    public static Optional<Integer> problemIndex(String json) {
        return JsonSyntax.problemIndex(json);
    }

    public static boolean isValid(String json) {
        return JsonSyntax.problem(json).isEmpty();
    }
}
