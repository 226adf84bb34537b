// Over 400 lines: one byte-at-a-time state machine (head, body, chunks, trailers) sharing position and verdicts.
package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The incremental side of the parser: fed the response bytes as they arrive, it knows when the response is complete
 * (Content-Length, chunked, close-delimited, or no body for HEAD/204/304/1xx) and where head and body are. The client
 * uses it to stop reading; {@link HttpResponseParser} runs it over the stored bytes to build the full result.
 *
 * <p>What it holds is bounded whatever the server sends: one head of at most {@value #MAX_HEAD_BYTES} bytes at a
 * time, at most {@value #MAX_INTERIM_RESPONSES} interim responses (counted, not kept) and the first
 * {@value CappedVerdicts#LIMIT} verdicts. Hitting one of these limits ends the response there
 * ({@link #stoppedAtLimit()}).
 *
 * <p>Not thread-safe: one reader feeds it.
 */
public final class ResponseScanner {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    /** A head larger than this is not read further. */
    public static final int MAX_HEAD_BYTES = 64 * 1024;
    /** More interim (1xx) responses than this before the final one end the reading. */
    public static final int MAX_INTERIM_RESPONSES = 16;
    static final int MAX_CHUNK_LINE = 4096;
    /** Longer chunk sizes take the careful path (15 hex digits always fit in a long). */
    private static final int PLAIN_HEX_DIGITS = 15;
    private static final byte[] HTTP_PREFIX = "HTTP/".getBytes(StandardCharsets.US_ASCII);

    /** Receives de-chunked body data of a chunked response, with the raw offset it came from. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(long rawOffset, byte[] bytes, int off, int len);
    }

    /** How the body's end is found. */
    public enum Framing {
        /** Not known yet (head still arriving). */
        UNKNOWN,
        NO_BODY, CONTENT_LENGTH, CHUNKED, UNTIL_CLOSE
    }

    private enum State {
        HEAD, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_CR, CHUNK_DATA_LF, TRAILERS, UNTIL_CLOSE, DONE
    }

    private final String method;
    private final ChunkSink chunkSink;
    private final CappedVerdicts verdicts = new CappedVerdicts();
    private final List<Header> trailers = new ArrayList<>();
    private byte[] headBytes = new byte[1024];
    private int headCount;
    /** The chunk size or trailer line being read (without its LF). */
    private byte[] line = new byte[64];
    private int lineLength;
    private int interimCount;

    private State state = State.HEAD;
    private Framing framing = Framing.UNKNOWN;
    private long position;
    private long headStart;
    private int headLineStart;
    private boolean statusChecked;
    private boolean noStatusLine;
    private HeadParser.ParsedHead head;
    private long headerEnd = -1;
    private long bodyStart = -1;
    private long bodyEnd = -1;
    private long remaining;
    private long lineStart;
    private long chunkDataTotal;
    private long trailerBytes;
    private boolean bareLfReported;
    private boolean chunkExtensionReported;
    private boolean complete;
    private boolean broken;
    private boolean stoppedAtLimit;
    private boolean endedByClose;

    /** A scanner for the response to a request with this method (HEAD responses have no body). */
    public ResponseScanner(String requestMethod) {
        this(requestMethod, null);
    }

    ResponseScanner(String requestMethod, ChunkSink chunkSink) {
        this.method = requestMethod == null ? "" : requestMethod.toUpperCase(Locale.ROOT);
        this.chunkSink = chunkSink;
    }

    /**
     * Consumes bytes up to the end of the response.
     *
     * @return how many of the bytes belong to this response; fewer than {@code len} means the response ended
     *         inside this buffer (the rest is extra data)
     */
    public int feed(byte[] bytes, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && !complete) {
            i = switch (state) {
                case HEAD -> head(bytes, i, end);
                case FIXED -> fixed(bytes, i, end);
                case CHUNK_SIZE -> chunkSize(bytes, i, end);
                case CHUNK_DATA -> chunkData(bytes, i, end);
                case CHUNK_DATA_CR, CHUNK_DATA_LF -> chunkDataEnd(bytes, i);
                case TRAILERS -> trailers(bytes, i, end);
                case UNTIL_CLOSE -> {
                    position += end - i;
                    yield end;
                }
                case DONE -> end;
            };
        }
        return i - off;
    }

    /** The peer closed the connection: a close-delimited body ends here, anything else was cut short. */
    public void endOfStream() {
        if (complete) {
            return;
        }
        endedByClose = true;
        switch (state) {
            case HEAD -> {
                if (position == 0) {
                    verdicts.add(Verdict.error(VerdictCodes.EMPTY_RESPONSE, 0,
                            TEXT.get("verdict.emptyResponse")));
                } else {
                    verdicts.add(Verdict.error(VerdictCodes.HEAD_INCOMPLETE, position, TEXT.get("verdict.headIncomplete", position)));
                    parsePartialHead();
                }
            }
            case FIXED -> verdicts.add(Verdict.error(VerdictCodes.TRUNCATED_BODY, position, TEXT.get("verdict.truncatedBody",
                    remaining, position - bodyStart + remaining, position)));
            case CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_CR, CHUNK_DATA_LF -> verdicts.add(Verdict.error(
                    VerdictCodes.MISSING_LAST_CHUNK, position, TEXT.get("verdict.missingLastChunk", position, chunkDataTotal)));
            case TRAILERS -> verdicts.add(Verdict.error(VerdictCodes.TRAILERS_INCOMPLETE, position,
                    TEXT.get("verdict.trailersIncomplete", position)));
            case UNTIL_CLOSE, DONE -> {
            }
        }
        finish();
    }

    /**
     * The reading stopped without the peer closing (timeout, cancel, size limit): record that the response is
     * incomplete. The parser calls this when it runs out of stored bytes.
     */
    void stoppedEarly() {
        if (complete) {
            return;
        }
        if (state == State.HEAD && position > 0) {
            parsePartialHead();
        }
        verdicts.add(Verdict.warning(VerdictCodes.RESPONSE_INCOMPLETE, position, TEXT.get("verdict.responseIncomplete",
                position)));
        finish();
    }

    public boolean isComplete() {
        return complete;
    }

    /** True when the response's end cannot be trusted, so the connection must not be reused. */
    public boolean isFramingBroken() {
        return broken;
    }

    /**
     * True when the response ended because it hit one of the scanner's limits (head or trailer size, chunk size line,
     * interim responses): nothing after {@link #position()} is part of it, and nothing more should be read.
     */
    public boolean stoppedAtLimit() {
        return stoppedAtLimit;
    }

    /** True when the body ended by the server closing the connection (the connection cannot be reused). */
    public boolean isCloseDelimited() {
        return framing == Framing.UNTIL_CLOSE;
    }

    public Framing framing() {
        return framing;
    }

    /** Bytes consumed so far (the response's length once complete). */
    public long position() {
        return position;
    }

    /** The status code of the final response once its head has arrived, else 0. */
    public int statusCode() {
        return head == null ? 0 : head.statusCode();
    }

    /** The first value of a header of the final response, once its head has arrived. */
    public String headerValue(String name) {
        if (head == null) {
            return null;
        }
        return head.headers().stream().filter(h -> h.is(name)).map(Header::value).findFirst().orElse(null);
    }

    public String httpVersion() {
        return head == null ? "" : head.version();
    }

    /** The verdicts so far: the first {@value CappedVerdicts#LIMIT}, then one that counts the rest. */
    List<Verdict> verdicts() {
        return verdicts.list();
    }

    HeadParser.ParsedHead head() {
        return head;
    }

    List<Header> trailers() {
        return trailers;
    }

    long headerEnd() {
        return headerEnd;
    }

    boolean noStatusLine() {
        return noStatusLine;
    }

    long bodyStart() {
        return bodyStart;
    }

    long bodyEnd() {
        return bodyEnd;
    }

    boolean endedByClose() {
        return endedByClose;
    }

    // ---- head ----

    private int head(byte[] bytes, int i, int end) {
        while (i < end) {
            byte b = bytes[i++];
            position++;
            if (headCount == headBytes.length) {
                headBytes = Arrays.copyOf(headBytes, headBytes.length * 2);
            }
            headBytes[headCount++] = b;
            int size = headCount;
            if (!statusChecked && !checkStatusPrefix()) {
                return i;
            }
            if (b == '\n') {
                int contentLength = size - 1 - headLineStart;
                if (contentLength > 0 && headBytes[size - 2] == '\r') {
                    contentLength--;
                }
                if (contentLength == 0) {
                    headComplete();
                    return i;
                }
                headLineStart = size;
            }
            if (size >= MAX_HEAD_BYTES) {
                verdicts.add(Verdict.error(VerdictCodes.HEADERS_TOO_LARGE, position, TEXT.get("verdict.headTooLarge",
                        MAX_HEAD_BYTES / 1024, position)));
                parsePartialHead();
                broken = true;
                stoppedAtLimit = true;
                finish();
                return i;
            }
        }
        return i;
    }

    /** False when the first bytes show this is not an HTTP response (the rest is read until the peer closes). */
    private boolean checkStatusPrefix() {
        int n = Math.min(headCount, HTTP_PREFIX.length);
        for (int k = 0; k < n; k++) {
            if (headBytes[k] != HTTP_PREFIX[k]) {
                noStatusLine = true;
                verdicts.add(Verdict.error(VerdictCodes.NO_STATUS_LINE, headStart + k, TEXT.get("verdict.noStatusLine",
                        headStart + k)));
                headerEnd = headStart;
                bodyStart = headStart;
                broken = true;
                framing = Framing.UNTIL_CLOSE;
                state = State.UNTIL_CLOSE;
                return false;
            }
        }
        if (headCount >= HTTP_PREFIX.length) {
            statusChecked = true;
        }
        return true;
    }

    private void headComplete() {
        HeadParser.ParsedHead parsed = HeadParser.parse(headBytes, headCount, headStart, verdicts);
        reportBareLf(parsed.firstBareLf());
        int code = parsed.statusCode();
        if (code >= 100 && code < 200 && code != 101) {
            interimCount++;
            if (interimCount > MAX_INTERIM_RESPONSES) {
                // Counted, never kept: a server that only ever sends 1xx would otherwise be read forever.
                verdicts.add(Verdict.error(VerdictCodes.TOO_MANY_INTERIM_RESPONSES, headStart, TEXT.get(
                        "verdict.tooManyInterim", MAX_INTERIM_RESPONSES, interimCount, headStart, position)));
                broken = true;
                stoppedAtLimit = true;
                finish();
                return;
            }
            BodyFraming.checkNoContentLength(parsed, verdicts);
            verdicts.addCapped(Verdict.info(VerdictCodes.INTERIM_RESPONSE, headStart, TEXT.get("verdict.interim",
                    HeadParser.printable(parsed.statusLine()), headStart)));
            headCount = 0;
            headStart = position;
            headLineStart = 0;
            statusChecked = false;
            return;
        }
        head = parsed;
        headerEnd = position;
        bodyStart = position;
        chooseFraming(parsed);
    }

    private void parsePartialHead() {
        HeadParser.ParsedHead parsed = HeadParser.parse(headBytes, headCount, headStart, verdicts);
        reportBareLf(parsed.firstBareLf());
        head = parsed;
        headerEnd = position;
        bodyStart = position;
    }

    private void chooseFraming(HeadParser.ParsedHead parsed) {
        BodyFraming.Decision decision = BodyFraming.decide(method, parsed, headerEnd, verdicts);
        broken |= decision.broken();
        switch (decision.framing()) {
            case CHUNKED -> {
                framing = Framing.CHUNKED;
                state = State.CHUNK_SIZE;
                lineLength = 0;
            }
            case CONTENT_LENGTH -> {
                framing = Framing.CONTENT_LENGTH;
                remaining = decision.length();
                if (remaining == 0) {
                    finish();
                } else {
                    state = State.FIXED;
                }
            }
            case NO_BODY -> {
                framing = Framing.NO_BODY;
                finish();
            }
            default -> untilClose();
        }
    }

    private void untilClose() {
        framing = Framing.UNTIL_CLOSE;
        state = State.UNTIL_CLOSE;
    }

    // ---- body ----

    private int fixed(byte[] bytes, int i, int end) {
        int n = (int) Math.min(remaining, end - i);
        position += n;
        remaining -= n;
        if (remaining == 0) {
            finish();
        }
        return i + n;
    }

    private int chunkSize(byte[] bytes, int i, int end) {
        while (i < end) {
            byte b = bytes[i++];
            if (lineLength == 0) {
                lineStart = position;
            }
            position++;
            if (b == '\n') {
                chunkSizeLine();
                return i;
            }
            appendToLine(b);
            if (lineLength > MAX_CHUNK_LINE) {
                String text = lineText(lineLength);
                stoppedAtLimit = true;
                if (isHex(text)) {
                    chunkError(VerdictCodes.CHUNK_SIZE_OVERFLOW, lineStart, TEXT.get("verdict.chunkSizeDigits",
                            lineStart, MAX_CHUNK_LINE));
                } else {
                    chunkError(VerdictCodes.CHUNK_SIZE_INVALID, lineStart, TEXT.get("verdict.chunkLineLong",
                            lineStart, MAX_CHUNK_LINE));
                }
                return i;
            }
        }
        return i;
    }

    private void chunkSizeLine() {
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        } else {
            reportBareLf(position - 1);
        }
        lineLength = 0;
        // The common line is hex digits alone: read them without making a string (1-byte chunks stay cheap).
        long size = plainHexSize(length);
        if (size < 0) {
            size = carefulChunkSize(lineText(length));
            if (size < 0) {
                return;
            }
        }
        if (size == 0) {
            state = State.TRAILERS;
            return;
        }
        remaining = size;
        state = State.CHUNK_DATA;
    }

    /** The size when the line is 1 to {@value #PLAIN_HEX_DIGITS} hex digits and nothing else, else -1. */
    private long plainHexSize(int length) {
        if (length == 0 || length > PLAIN_HEX_DIGITS) {
            return -1;
        }
        long size = 0;
        for (int k = 0; k < length; k++) {
            int digit = hexDigit(line[k]);
            if (digit < 0) {
                return -1;
            }
            size = (size << 4) | digit;
        }
        return size;
    }

    /** A line with an extension, blanks, many digits or an error: the size, or -1 after an error verdict. */
    private long carefulChunkSize(String text) {
        int semicolon = text.indexOf(';');
        String sizeText = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
        if (semicolon >= 0) {
            checkChunkExtension(text, semicolon);
        }
        if (sizeText.isEmpty() || !isHex(sizeText)) {
            chunkError(VerdictCodes.CHUNK_SIZE_INVALID, lineStart, TEXT.get("verdict.chunkSizeNotHex",
                    HeadParser.printable(HeadParser.abbreviate(sizeText)), lineStart));
            return -1;
        }
        String digits = withoutLeadingZeros(sizeText);
        if (digits.length() > 16 || (digits.length() == 16 && Character.digit(digits.charAt(0), 16) > 7)) {
            chunkError(VerdictCodes.CHUNK_SIZE_OVERFLOW, lineStart, TEXT.get("verdict.chunkSizeOverflow",
                    HeadParser.abbreviate(digits), lineStart));
            return -1;
        }
        return Long.parseUnsignedLong(digits, 16);
    }

    private static String withoutLeadingZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    /** Extensions are ignored, but control characters in them (once per response) are worth knowing about. */
    private void checkChunkExtension(String line, int semicolon) {
        if (chunkExtensionReported) {
            return;
        }
        for (int k = semicolon + 1; k < line.length(); k++) {
            char c = line.charAt(k);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                long at = lineStart + k;
                chunkExtensionReported = true;
                verdicts.add(Verdict.warning(VerdictCodes.INVALID_CHUNK_EXTENSION, at, TEXT.get("verdict.chunkExtension",
                        at, HeadParser.printable(String.valueOf(c)))));
                return;
            }
        }
    }

    private int chunkData(byte[] bytes, int i, int end) {
        int n = (int) Math.min(remaining, end - i);
        if (chunkSink != null) {
            chunkSink.accept(position, bytes, i, n);
        }
        position += n;
        remaining -= n;
        chunkDataTotal += n;
        if (remaining == 0) {
            state = State.CHUNK_DATA_CR;
        }
        return i + n;
    }

    private int chunkDataEnd(byte[] bytes, int i) {
        byte b = bytes[i];
        if (state == State.CHUNK_DATA_CR && b == '\r') {
            state = State.CHUNK_DATA_LF;
        } else if (b == '\n') {
            if (state == State.CHUNK_DATA_CR) {
                reportBareLf(position);
            }
            state = State.CHUNK_SIZE;
        } else {
            chunkError(VerdictCodes.CHUNK_NOT_TERMINATED, position, TEXT.get("verdict.chunkNotTerminated",
                    position, describeByte(b)));
            return i;
        }
        position++;
        return i + 1;
    }

    private int trailers(byte[] bytes, int i, int end) {
        while (i < end) {
            byte b = bytes[i++];
            if (lineLength == 0) {
                lineStart = position;
            }
            position++;
            trailerBytes++;
            if (b == '\n') {
                int length = lineLength;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                } else {
                    reportBareLf(position - 1);
                }
                lineLength = 0;
                if (length == 0) {
                    finish();
                    return i;
                }
                HeadParser.parseHeaderLine(lineText(length), lineStart, TEXT.get("verdict.kind.trailer"), trailers,
                        verdicts);
                continue;
            }
            appendToLine(b);
            if (trailerBytes > MAX_HEAD_BYTES) {
                verdicts.add(Verdict.error(VerdictCodes.HEADERS_TOO_LARGE, position, TEXT.get("verdict.trailersTooLarge",
                        MAX_HEAD_BYTES / 1024, position)));
                broken = true;
                stoppedAtLimit = true;
                finish();
                return i;
            }
        }
        return i;
    }

    private void appendToLine(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    private String lineText(int length) {
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    private void chunkError(String code, long offset, String message) {
        verdicts.add(Verdict.error(code, offset, message));
        broken = true;
        finish();
    }

    /** Once per response: one bare LF says how the server ends its lines. */
    private void reportBareLf(long offset) {
        if (offset >= 0 && !bareLfReported) {
            bareLfReported = true;
            verdicts.add(Verdict.warning(VerdictCodes.BARE_LF, offset, TEXT.get("verdict.bareLf", offset)));
        }
    }

    private void finish() {
        complete = true;
        state = State.DONE;
        if (headerEnd < 0) {
            headerEnd = position;
        }
        if (bodyStart < 0) {
            bodyStart = position;
        }
        bodyEnd = position;
    }

    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    private static String describeByte(byte b) {
        int v = b & 0xff;
        return v >= 0x20 && v < 0x7f ? "'" + (char) v + "'" : TEXT.get("verdict.byteHex", String.format("0x%02x", v));
    }
}
