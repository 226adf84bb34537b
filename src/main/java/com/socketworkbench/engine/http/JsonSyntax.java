package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.util.Optional;

/**
 * Where a text stops being JSON (RFC 8259), in plain words with line and column, for the INVALID_JSON verdict and
 * the body view's note. A small validator of our own rather than Jackson's errors: those name Jackson's token
 * classes and options, this names the character and what was expected there.
 */
final class JsonSyntax {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    private JsonSyntax() {
    }

    /** Why the text is not valid JSON ("Expected ',' or '}' at line 3, column 5"), or empty when it is valid. */
    static Optional<String> problem(String json) {
        try {
            new Parser(json).document();
            return Optional.empty();
        } catch (JsonProblem e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Where {@link #problem(String)} found the first error, as a char index; empty when the text is valid. */
    static Optional<Integer> problemIndex(String json) {
        Parser parser = new Parser(json);
        try {
            parser.document();
            return Optional.empty();
        } catch (JsonProblem e) {
            return Optional.of(Math.min(parser.pos, json.length()));
        }
    }

    private static final class JsonProblem extends Exception {
        JsonProblem(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        void document() throws JsonProblem {
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) == '\uFEFF') {
                pos++;
                skipWhitespace();
            }
            value(0);
            skipWhitespace();
            if (pos < text.length()) {
                throw problem(TEXT.get("json.afterEnd", describeHere()));
            }
        }

        private void value(int depth) throws JsonProblem {
            if (depth > JsonPretty.MAX_DEPTH) {
                throw problem(TEXT.get("json.tooDeep", JsonPretty.MAX_DEPTH));
            }
            if (pos >= text.length()) {
                throw problem(TEXT.get("json.endExpectedValue"));
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        number();
                    } else {
                        throw problem(TEXT.get("json.expectedValue", describeHere()));
                    }
                }
            }
        }

        private void object(int depth) throws JsonProblem {
            pos++;
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw problem(TEXT.get("json.expectedName", describeHere()));
                }
                string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                value(depth + 1);
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                    skipWhitespace();
                } else if (c == '}') {
                    pos++;
                    return;
                } else {
                    throw problem(TEXT.get("json.expectedObjectEnd", describeHere()));
                }
            }
        }

        private void array(int depth) throws JsonProblem {
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return;
            }
            while (true) {
                skipWhitespace();
                value(depth + 1);
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    return;
                } else {
                    throw problem(TEXT.get("json.expectedArrayEnd", describeHere()));
                }
            }
        }

        private void string() throws JsonProblem {
            int start = pos;
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    pos = start;
                    throw problem(TEXT.get("json.unclosedString"));
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    pos++;
                    return;
                }
                if (c < 0x20) {
                    throw problem(TEXT.get("json.controlInString", String.format("U+%04X", (int) c)));
                }
                if (c == '\\') {
                    pos++;
                    char e = peek();
                    switch (e) {
                        case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> pos++;
                        case 'u' -> {
                            pos++;
                            for (int i = 0; i < 4; i++) {
                                if (pos >= text.length() || Character.digit(text.charAt(pos), 16) < 0) {
                                    throw problem(TEXT.get("json.unicodeEscape"));
                                }
                                pos++;
                            }
                        }
                        default -> throw problem(TEXT.get("json.invalidEscape", "\\" + (e == 0 ? ""
                                : e < 0x20 || e == 0x7f ? " " + String.format("U+%04X", (int) e) : String.valueOf(e))));
                    }
                } else {
                    pos++;
                }
            }
        }

        private void number() throws JsonProblem {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw problem(TEXT.get("json.expectedDigit", describeHere()));
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw problem(TEXT.get("json.expectedFraction", describeHere()));
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw problem(TEXT.get("json.expectedExponent", describeHere()));
                }
                digits();
            }
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private void literal(String word) throws JsonProblem {
            if (!text.startsWith(word, pos)) {
                throw problem(TEXT.get("json.expectedValue", describeHere()));
            }
            pos += word.length();
        }

        private void expect(char c) throws JsonProblem {
            if (peek() != c) {
                throw problem(TEXT.get("json.expectedChar", c, describeHere()));
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }




        private String describeHere() {
            if (pos >= text.length()) {
                return TEXT.get("json.endOfText");
            }
            char c = text.charAt(pos);
            return c < 0x20 || c == 0x7f ? TEXT.get("json.character", String.format("U+%04X", (int) c)) : "'" + c + "'";
        }

        private JsonProblem problem(String what) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < pos && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new JsonProblem(TEXT.get("json.at", what, line, column));
        }
    }
}
