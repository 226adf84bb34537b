package com.socketworkbench.engine.http;

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
                warnings.add("The body typed in the editor (" + (editorText.length() - lines.bodyStart())
                        + " characters) is not sent: the body comes from " + bodyFromFile.file().getFileName());
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
                all.addFirst("Removed the empty lines before the request line");
                return new PreparedRequest(retried.headBytes(), retried.body(), retried.method(), all);
            }
        }

        String requestLine = head.isEmpty() ? "" : head.getFirst().content;
        String method = firstWord(requestLine);
        checkRequestLine(requestLine, warnings);
        List<OutLine> headers = head.isEmpty() ? List.of() : List.copyOf(head.subList(1, head.size()));
        checkHeaderLines(headers, warnings);

        if (head.isEmpty()) {
            warnings.add("There is no request line");
        } else if (headers.stream().noneMatch(l -> isHeader(l.content, "Host"))
                && !requestLine.endsWith("HTTP/1.0")) {
            warnings.add("No Host header: HTTP/1.1 servers must answer 400 Bad Request");
        } else if (headers.stream().filter(l -> isHeader(l.content, "Host")).count() > 1) {
            warnings.add("More than one Host header: servers must answer 400 Bad Request");
        }
        if (bodyLength > 0 && METHODS_WITHOUT_BODY.contains(method)) {
            warnings.add(method + " request with a body of " + bodyLength
                    + " bytes: many servers ignore or reject it");
        }

        boolean hasTransferEncoding = headers.stream().anyMatch(l -> isHeader(l.content, "Transfer-Encoding"));
        List<OutLine> contentLengths = headers.stream().filter(l -> isHeader(l.content, "Content-Length")).toList();
        if (hasTransferEncoding && !contentLengths.isEmpty()) {
            warnings.add("Both Transfer-Encoding and Content-Length are set; a server must ignore Content-Length"
                    + " and proxies may disagree (request smuggling)");
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
                    warnings.add("Added the empty line that ends the head");
                }
            } else {
                blankEnding = "";
                warnings.add("The head does not end with an empty line: the server will keep waiting for more"
                        + " headers");
            }
        }


        StringBuilder headText = new StringBuilder();
        for (OutLine line : head) {
            headText.append(line.content).append(line.ending);
        }
        headText.append(blankEnding);
        String headString = headText.toString();
        if (!options.normalizeCrlf() && hasBareLf(headString)) {
            warnings.add("Bare LF line endings will be sent in the head (normalisation is off)");
        }
        checkEncodable(headString, charset, "head", warnings);
        if (bodyFromFile == null) {
            checkEncodable(CharBuffer.wrap(editorText, lines.bodyStart(), editorText.length()), charset, "body",
                    warnings);
        }
        if (!headString.chars().allMatch(c -> c < 128)) {
            warnings.add("The head contains non-ASCII characters; they are sent as " + charset.name());
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
            warnings.add("Added Content-Length: " + bodyLength);
            return;
        }
        OutLine first = contentLengths.getFirst();
        String name = first.content.substring(0, first.content.indexOf(':')).strip();
        String typed = headerValue(first.content);
        first.content = name + ": " + bodyLength;
        if (!typed.equals(Long.toString(bodyLength))) {
            warnings.add("Content-Length set to " + bodyLength + " (was " + (typed.isEmpty() ? "empty" : typed) + ")");
        }
        if (contentLengths.size() > 1) {
            head.removeAll(contentLengths.subList(1, contentLengths.size()));
            warnings.add("Removed " + (contentLengths.size() - 1) + " extra Content-Length header(s)");
        }
    }

    private static void checkContentLength(List<OutLine> contentLengths, long bodyLength, List<String> warnings) {
        if (contentLengths.isEmpty()) {
            if (bodyLength > 0) {
                warnings.add("The body (" + bodyLength + " bytes) has neither Content-Length nor Transfer-Encoding:"
                        + " the server will not read it");
            }
            return;
        }
        for (OutLine line : contentLengths) {
            String value = headerValue(line.content);
            if (!value.equals(Long.toString(bodyLength))) {
                warnings.add("Content-Length says " + (value.isEmpty() ? "nothing" : value) + " but the body has "
                        + bodyLength + " bytes");
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
            warnings.add("The request line should be METHOD, a space, the target, a space and the version"
                    + " (\"GET / HTTP/1.1\")");
            return;
        }
        if (!HeaderHelper.isToken(parts[0])) {
            warnings.add("The method \"" + parts[0] + "\" contains characters that are not allowed in a method");
        }
        if (!parts[2].matches("HTTP/\\d\\.\\d")) {
            warnings.add("The version \"" + parts[2] + "\" is not of the form HTTP/1.1");
        }
    }

    private static void checkHeaderLines(List<OutLine> headers, List<String> warnings) {
        for (OutLine line : headers) {
            String content = line.content;
            String where = "Line " + line.editorLine;
            if (!content.isEmpty() && (content.charAt(0) == ' ' || content.charAt(0) == '\t')) {
                warnings.add(where + " starts with whitespace (obsolete line folding); servers may reject it");
                continue;
            }
            int colon = content.indexOf(':');
            if (colon < 0) {
                warnings.add(where + " is not a header: it has no colon");
                continue;
            }
            String name = content.substring(0, colon);
            if (name.isEmpty()) {
                warnings.add(where + " has an empty header name");
            } else if (name.endsWith(" ") || name.endsWith("\t")) {
                warnings.add(where + ": whitespace between the header name and the colon; servers must reject it");
            } else if (!HeaderHelper.isToken(name)) {
                warnings.add(where + ": the header name \"" + name + "\" contains characters that are not allowed");
            }
            if (content.indexOf('\r') >= 0) {
                warnings.add(where + " contains a bare CR");
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
                warnings.add("Some characters of the " + where + " cannot be encoded in " + charset.name()
                        + " and are sent as replacement bytes");
                return;
            }
            if (result.isUnderflow()) {
                return;
            }
            scratch.clear();
        }
    }
}
