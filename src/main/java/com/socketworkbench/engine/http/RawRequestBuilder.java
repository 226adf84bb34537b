package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the request editor's text into the bytes to send. The editor shows LF line endings; HTTP wants CRLF in the
 * head, so by default the head is normalised while the body is sent exactly as typed. With normalisation off the
 * bytes are exactly the text (apart from a fixed Content-Length, if asked for).
 */
public final class RawRequestBuilder {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    private static final Set<String> METHODS_WITHOUT_BODY = Set.of("GET", "HEAD", "TRACE");

    private RawRequestBuilder() {
    }

    /** A head line being assembled: its text and the line ending to send. */
    private static final class OutLine {
        String content;
        final String ending;
        final int editorLine;

        OutLine(String content, String ending, int editorLine) {
            this.content = content;
            this.ending = ending;
            this.editorLine = editorLine;
        }
    }

    public static PreparedRequest prepare(String editorText, Charset charset, RequestOptions options) {
        return prepare(editorText, charset, options, null);
    }

    /**
     * As {@link #prepare(String, Charset, RequestOptions)}, with the body taken from {@code bodyFromFile} instead of
     * the editor (when not null): the editor then gives only the head, and a body typed there is not sent.
     */
    public static PreparedRequest prepare(String editorText, Charset charset, RequestOptions options,
                                          RequestBody.FileBody bodyFromFile) {
        Objects.requireNonNull(editorText, "editorText");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(options, "options");
        List<String> warnings = new ArrayList<>();
        EditorLines lines = EditorLines.split(editorText);
        RequestBody body;
        if (bodyFromFile != null) {
            body = bodyFromFile;
            if (lines.bodyStart() < editorText.length()) {
                warnings.add(TEXT.get("warning.editorBodyIgnored",
                        editorText.length() - lines.bodyStart(), bodyFromFile.file().getFileName()));
            }
        } else {
            body = RequestBody.ofText(editorText, lines.bodyStart(), editorText.length(), charset);
        }
        long bodyLength = body.length();

        List<OutLine> head = new ArrayList<>();
        int lineNumber = 0;
        for (EditorLines.Line line : lines.headLines()) {
            lineNumber++;
            head.add(new OutLine(line.content(editorText), options.normalizeCrlf() ? "\r\n" : line.ending(),
                    lineNumber));
        }
        String blankEnding;
        if (lines.blankLine() != null) {
            blankEnding = options.normalizeCrlf() ? "\r\n" : lines.blankLine().ending();
        } else {
            blankEnding = null;
        }
        if (options.normalizeCrlf() && head.isEmpty() && lines.blankLine() != null
                && lines.bodyStart() < editorText.length()) {
            // The text starts with empty lines: re-split what follows them so the request line is not lost.
            String trimmed = editorText.substring(countLeadingBlankChars(editorText));
            if (trimmed.length() < editorText.length()) {
                PreparedRequest retried = prepare(trimmed, charset, options, bodyFromFile);
                List<String> all = new ArrayList<>(retried.warnings());
                all.addFirst(TEXT.get("warning.leadingBlankLines"));
                return new PreparedRequest(retried.headBytes(), retried.body(), retried.method(), all);
            }
        }

        String requestLine = head.isEmpty() ? "" : head.getFirst().content;
        String method = firstWord(requestLine);
        checkRequestLine(requestLine, warnings);
        List<OutLine> headers = head.isEmpty() ? List.of() : List.copyOf(head.subList(1, head.size()));
        checkHeaderLines(headers, warnings);

        if (head.isEmpty()) {
            warnings.add(TEXT.get("warning.noRequestLine"));
        } else if (headers.stream().noneMatch(l -> isHeader(l.content, "Host"))
                && !requestLine.endsWith("HTTP/1.0")) {
            warnings.add(TEXT.get("warning.noHost"));
        } else if (headers.stream().filter(l -> isHeader(l.content, "Host")).count() > 1) {
            warnings.add(TEXT.get("warning.manyHosts"));
        }
        if (bodyLength > 0 && METHODS_WITHOUT_BODY.contains(method)) {
            warnings.add(TEXT.get("warning.bodyOnMethod", method, bodyLength));
        }

        boolean hasTransferEncoding = headers.stream().anyMatch(l -> isHeader(l.content, "Transfer-Encoding"));
        List<OutLine> contentLengths = headers.stream().filter(l -> isHeader(l.content, "Content-Length")).toList();
        if (hasTransferEncoding && !contentLengths.isEmpty()) {
            warnings.add(TEXT.get("warning.teAndCl"));
        }
        if (options.fixContentLength() && !hasTransferEncoding && (bodyLength > 0 || !contentLengths.isEmpty())) {
            fixContentLength(head, contentLengths, bodyLength, options.normalizeCrlf(), warnings);
            if (blankEnding == null) {
                blankEnding = options.normalizeCrlf() ? "\r\n" : endingFor(head);
            }
        } else if (!hasTransferEncoding) {
            checkContentLength(contentLengths, bodyLength, warnings);
        }

        if (blankEnding == null) {
            if (options.normalizeCrlf()) {
                if (!head.isEmpty() && head.getLast().ending.isEmpty()) {
                    head.set(head.size() - 1, new OutLine(head.getLast().content, "\r\n", head.getLast().editorLine));
                }
                blankEnding = "\r\n";
                if (!head.isEmpty()) {
                    warnings.add(TEXT.get("warning.blankLineAdded"));
                }
            } else {
                blankEnding = "";
                warnings.add(TEXT.get("warning.noBlankLine"));
            }
        }


        StringBuilder headText = new StringBuilder();
        for (OutLine line : head) {
            headText.append(line.content).append(line.ending);
        }
        headText.append(blankEnding);
        String headString = headText.toString();
        if (!options.normalizeCrlf() && hasBareLf(headString)) {
            warnings.add(TEXT.get("warning.bareLf"));
        }
        checkEncodable(headString, charset, TEXT.get("warning.part.head"), warnings);
        if (bodyFromFile == null) {
            checkEncodable(CharBuffer.wrap(editorText, lines.bodyStart(), editorText.length()), charset, TEXT.get("warning.part.body"),
                    warnings);
        }
        if (!headString.chars().allMatch(c -> c < 128)) {
            warnings.add(TEXT.get("warning.nonAscii", charset.name()));
        }
        return new PreparedRequest(headString.getBytes(charset), body, method, warnings);
    }

    /** Char ranges of the request parts for colouring; never throws. */
    public static Anatomy anatomy(String editorText) {
        List<Anatomy.Span> spans = new ArrayList<>();
        EditorLines lines = EditorLines.split(editorText == null ? "" : editorText);
        String text = lines.text();
        Optional<Anatomy.Span> requestLine = Optional.empty();
        boolean first = true;
        for (EditorLines.Line line : lines.headLines()) {
            if (first) {
                first = false;
                requestLine = Optional.of(
                        new Anatomy.Span(Anatomy.Part.REQUEST_LINE, line.start(), line.contentEnd()));
                addRequestLineSpans(text, line, spans);
            } else {
                addHeaderSpans(text, line, spans);
            }
        }
        if (lines.blankLine() != null) {
            spans.add(new Anatomy.Span(Anatomy.Part.BLANK_LINE, lines.blankLine().start(), lines.blankLine().end()));
            if (lines.bodyStart() < text.length()) {
                spans.add(new Anatomy.Span(Anatomy.Part.BODY, lines.bodyStart(), text.length()));
            }
        }
        return new Anatomy(spans, requestLine);
    }

    private static void addRequestLineSpans(String text, EditorLines.Line line, List<Anatomy.Span> spans) {
        String content = line.content(text);
        int firstSpace = content.indexOf(' ');
        int lastSpace = content.lastIndexOf(' ');
        if (content.isEmpty()) {
            return;
        }
        if (firstSpace < 0) {
            spans.add(new Anatomy.Span(HeaderHelper.isToken(content) ? Anatomy.Part.METHOD : Anatomy.Part.INVALID_LINE,
                    line.start(), line.contentEnd()));
            return;
        }
        spans.add(new Anatomy.Span(Anatomy.Part.METHOD, line.start(), line.start() + firstSpace));
        if (lastSpace > firstSpace && content.startsWith("HTTP/", lastSpace + 1)) {
            if (lastSpace > firstSpace + 1) {
                spans.add(new Anatomy.Span(Anatomy.Part.TARGET, line.start() + firstSpace + 1,
                        line.start() + lastSpace));
            }
            spans.add(new Anatomy.Span(Anatomy.Part.VERSION, line.start() + lastSpace + 1, line.contentEnd()));
        } else if (firstSpace + 1 < content.length()) {
            spans.add(new Anatomy.Span(Anatomy.Part.TARGET, line.start() + firstSpace + 1, line.contentEnd()));
        }
    }

    private static void addHeaderSpans(String text, EditorLines.Line line, List<Anatomy.Span> spans) {
        String content = line.content(text);
        if (content.isEmpty()) {
            return;
        }
        if (content.charAt(0) == ' ' || content.charAt(0) == '\t') {
            // obs-fold: a continuation of the previous header's value
            spans.add(new Anatomy.Span(Anatomy.Part.HEADER_VALUE, line.start(), line.contentEnd()));
            return;
        }
        int colon = content.indexOf(':');
        if (colon <= 0) {
            spans.add(new Anatomy.Span(Anatomy.Part.INVALID_LINE, line.start(), line.contentEnd()));
            return;
        }
        spans.add(new Anatomy.Span(Anatomy.Part.HEADER_NAME, line.start(), line.start() + colon));
        int valueStart = colon + 1;
        while (valueStart < content.length() && (content.charAt(valueStart) == ' '
                || content.charAt(valueStart) == '\t')) {
            valueStart++;
        }
        if (valueStart < content.length()) {
            spans.add(new Anatomy.Span(Anatomy.Part.HEADER_VALUE, line.start() + valueStart, line.contentEnd()));
        }
    }

    private static int countLeadingBlankChars(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    private static void fixContentLength(List<OutLine> head, List<OutLine> contentLengths, long bodyLength,
                                         boolean normalize, List<String> warnings) {
        if (contentLengths.isEmpty()) {
            String ending = normalize ? "\r\n" : endingFor(head);
            if (!head.isEmpty() && head.getLast().ending.isEmpty()) {
                OutLine last = head.getLast();
                head.set(head.size() - 1, new OutLine(last.content, ending, last.editorLine));
            }
            head.add(new OutLine("Content-Length: " + bodyLength, ending, -1));
            warnings.add(TEXT.get("warning.clAdded", bodyLength));
            return;
        }
        OutLine first = contentLengths.getFirst();
        String name = first.content.substring(0, first.content.indexOf(':')).strip();
        String typed = headerValue(first.content);
        first.content = name + ": " + bodyLength;
        if (!typed.equals(Long.toString(bodyLength))) {
            warnings.add(TEXT.get("warning.clSet", bodyLength, typed.isEmpty() ? TEXT.get("warning.clEmpty") : typed));
        }
        if (contentLengths.size() > 1) {
            head.removeAll(contentLengths.subList(1, contentLengths.size()));
            warnings.add(TEXT.get("warning.clRemoved", contentLengths.size() - 1));
        }
    }

    private static void checkContentLength(List<OutLine> contentLengths, long bodyLength, List<String> warnings) {
        if (contentLengths.isEmpty()) {
            if (bodyLength > 0) {
                warnings.add(TEXT.get("warning.bodyUnframed", bodyLength));
            }
            return;
        }
        for (OutLine line : contentLengths) {
            String value = headerValue(line.content);
            if (!value.equals(Long.toString(bodyLength))) {
                warnings.add(TEXT.get("warning.clMismatch", value.isEmpty() ? TEXT.get("warning.clNothing") : value,
                        bodyLength));
            }
        }
    }

    private static String endingFor(List<OutLine> head) {
        for (OutLine line : head) {
            if (!line.ending.isEmpty()) {
                return line.ending;
            }
        }
        return "\n";
    }

    private static void checkRequestLine(String requestLine, List<String> warnings) {
        if (requestLine.isEmpty()) {
            return;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            warnings.add(TEXT.get("warning.requestLineShape"));
            return;
        }
        if (!HeaderHelper.isToken(parts[0])) {
            warnings.add(TEXT.get("warning.methodCharacters", parts[0]));
        }
        if (!parts[2].matches("HTTP/\\d\\.\\d")) {
            warnings.add(TEXT.get("warning.version", parts[2]));
        }
    }

    private static void checkHeaderLines(List<OutLine> headers, List<String> warnings) {
        for (OutLine line : headers) {
            String content = line.content;
            String where = TEXT.get("warning.line", line.editorLine);
            if (!content.isEmpty() && (content.charAt(0) == ' ' || content.charAt(0) == '\t')) {
                warnings.add(TEXT.get("warning.line.fold", where));
                continue;
            }
            int colon = content.indexOf(':');
            if (colon < 0) {
                warnings.add(TEXT.get("warning.line.noColon", where));
                continue;
            }
            String name = content.substring(0, colon);
            if (name.isEmpty()) {
                warnings.add(TEXT.get("warning.line.emptyName", where));
            } else if (name.endsWith(" ") || name.endsWith("\t")) {
                warnings.add(TEXT.get("warning.line.nameWhitespace", where));
            } else if (!HeaderHelper.isToken(name)) {
                warnings.add(TEXT.get("warning.line.nameCharacters", where, name));
            }
            if (content.indexOf('\r') >= 0) {
                warnings.add(TEXT.get("warning.line.bareCr", where));
            }
        }
    }

    static boolean isHeader(String line, String name) {
        int colon = line.indexOf(':');
        return colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name);
    }

    private static String headerValue(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }

    private static String firstWord(String requestLine) {
        int space = requestLine.indexOf(' ');
        return space < 0 ? requestLine : requestLine.substring(0, space);
    }

    private static boolean hasBareLf(String head) {
        for (int i = 0; i < head.length(); i++) {
            if (head.charAt(i) == '\n' && (i == 0 || head.charAt(i - 1) != '\r')) {
                return true;
            }
        }
        return false;
    }

    /** Encodes chunk by chunk into a scratch buffer, so a long body is checked without its bytes being kept. */
    private static void checkEncodable(CharSequence text, Charset charset, String where, List<String> warnings) {
        if (!charset.canEncode()) {
            return;
        }
        CharsetEncoder encoder = charset.newEncoder();
        CharBuffer in = CharBuffer.wrap(text);
        ByteBuffer scratch = ByteBuffer.allocate(16 * 1024);
        while (true) {
            CoderResult result = encoder.encode(in, scratch, true);
            if (result.isError()) {
                warnings.add(TEXT.get("warning.unencodable", where, charset.name()));
                return;
            }
            if (result.isUnderflow()) {
                return;
            }
            scratch.clear();
        }
    }
}
