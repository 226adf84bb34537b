package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a response's body ends, decided from its head as RFC 9112 section 6.3 says: no body (HEAD, 1xx, 204, 304, a
 * successful CONNECT), chunked, Content-Length, or when the server closes the connection. Adds a verdict for every
 * way the head is wrong or risky about it (Content-Length with Transfer-Encoding, lengths that disagree...).
 */
final class BodyFraming {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    /**
     * @param length  the body's length for {@link ResponseScanner.Framing#CONTENT_LENGTH}, else 0
     * @param broken  true when the end cannot be trusted (or the connection now carries another protocol), so the
     *                connection must not be reused
     */
    record Decision(ResponseScanner.Framing framing, long length, boolean broken) {
    }

    /** 18 digits always fit in a long; no real body comes near 10^18 bytes. */
    private static final int MAX_DIGITS = 18;
    private static final long TOO_LARGE = -2;

    private BodyFraming() {
    }

    /** @param headerEnd where the head ended, for the verdict of a body that runs until close */
    static Decision decide(String method, HeadParser.ParsedHead parsed, long headerEnd, CappedVerdicts verdicts) {
        int code = parsed.statusCode();
        if (code == 204) {
            checkNoContentLength(parsed, verdicts);
        } else if (code == 304) {
            noteNotModifiedLength(parsed, method, verdicts);
        }
        if (method.equals("HEAD") || code == 204 || code == 304 || code == 101
                || (method.equals("CONNECT") && code >= 200 && code < 300)) {
            // After 101 or a CONNECT the connection carries another protocol; it is not HTTP any more.
            return new Decision(ResponseScanner.Framing.NO_BODY, 0, code == 101 || method.equals("CONNECT"));
        }
        List<Header> transferEncodings = parsed.headers().stream().filter(h -> h.is("Transfer-Encoding")).toList();
        List<Header> contentLengths = parsed.headers().stream().filter(h -> h.is("Content-Length")).toList();
        if (!transferEncodings.isEmpty()) {
            return transferEncoded(transferEncodings, contentLengths, verdicts);
        }
        if (!contentLengths.isEmpty()) {
            Long length = contentLength(contentLengths, verdicts);
            return length == null ? new Decision(ResponseScanner.Framing.UNTIL_CLOSE, 0, true)
                    : new Decision(ResponseScanner.Framing.CONTENT_LENGTH, length, false);
        }
        verdicts.add(Verdict.info(VerdictCodes.BODY_UNTIL_CLOSE, headerEnd, TEXT.get("verdict.bodyUntilClose")));
        return new Decision(ResponseScanner.Framing.UNTIL_CLOSE, 0, false);
    }

    /**
     * RFC 9110 section 8.6: a server must not send Content-Length in a 1xx or 204 response. A client that believed it
     * would wait for a body that never comes, or take the next response for one.
     */
    static void checkNoContentLength(HeadParser.ParsedHead parsed, CappedVerdicts verdicts) {
        for (Header h : parsed.headers()) {
            if (h.is("Content-Length")) {
                verdicts.add(Verdict.warning(VerdictCodes.CONTENT_LENGTH_NOT_ALLOWED, h.offset(), TEXT.get("verdict.contentLengthNotAllowed",
                        HeadParser.printable(HeadParser.abbreviate(h.value())), h.offset(), parsed.statusCode())));
                return;
            }
        }
    }

    /**
     * On a 304 a Content-Length is allowed only as the length a 200 to the same GET would have had (RFC 9110 section
     * 8.6); it never frames a body here, which a client that reads it as one would wait for.
     */
    private static void noteNotModifiedLength(HeadParser.ParsedHead parsed, String method, CappedVerdicts verdicts) {
        for (Header h : parsed.headers()) {
            if (h.is("Content-Length")) {
                String value = HeadParser.printable(HeadParser.abbreviate(h.value()));
                verdicts.add(method.equals("GET") || method.equals("HEAD")
                        ? Verdict.info(VerdictCodes.CONTENT_LENGTH_ON_NOT_MODIFIED, h.offset(), TEXT.get("verdict.contentLength304",
                        value, h.offset()))
                        : Verdict.warning(VerdictCodes.CONTENT_LENGTH_ON_NOT_MODIFIED, h.offset(), TEXT.get("verdict.contentLength304Method",
                        value, h.offset(), HeadParser.printable(method))));
                return;
            }
        }
    }

    private static Decision transferEncoded(List<Header> transferEncodings, List<Header> contentLengths,
                                            CappedVerdicts verdicts) {
        if (!contentLengths.isEmpty()) {
            Header cl = contentLengths.getFirst();
            verdicts.add(Verdict.error(VerdictCodes.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, cl.offset(),
                    TEXT.get("verdict.contentLengthWithTe", cl.offset())));
        }
        List<String> codings = new ArrayList<>();
        Header chunkedAgain = null;
        for (Header te : transferEncodings) {
            for (String coding : te.value().split(",")) {
                if (!coding.isBlank()) {
                    String name = coding.strip().toLowerCase(Locale.ROOT);
                    if (name.equals("chunked") && codings.contains("chunked") && chunkedAgain == null) {
                        chunkedAgain = te;
                    }
                    codings.add(name);
                }
            }
        }
        if (chunkedAgain != null) {
            verdicts.add(Verdict.warning(VerdictCodes.TRANSFER_ENCODING_CHUNKED_TWICE, chunkedAgain.offset(),
                    TEXT.get("verdict.chunkedTwice", chunkedAgain.offset())));
        }
        if (!codings.isEmpty() && codings.getLast().equals("chunked")) {
            return new Decision(ResponseScanner.Framing.CHUNKED, 0, false);
        }
        Header te = transferEncodings.getFirst();
        verdicts.add(Verdict.warning(VerdictCodes.TRANSFER_ENCODING_NOT_CHUNKED, te.offset(),
                TEXT.get("verdict.teNotChunked", HeadParser.printable(te.value()), te.offset())));
        return new Decision(ResponseScanner.Framing.UNTIL_CLOSE, 0, false);
    }

    /** The agreed length, or null (with a verdict) when the headers are invalid or disagree. */
    private static Long contentLength(List<Header> headers, CappedVerdicts verdicts) {
        Long agreed = null;
        boolean repeated = false;
        for (Header h : headers) {
            for (String part : h.value().split(",", -1)) {
                String text = part.strip();
                long value = parseDecimal(text);
                if (value == TOO_LARGE) {
                    verdicts.add(Verdict.error(VerdictCodes.INVALID_CONTENT_LENGTH, h.offset(), TEXT.get("verdict.contentLengthTooLarge",
                            HeadParser.printable(HeadParser.abbreviate(h.value())), h.offset(), MAX_DIGITS)));
                    return null;
                }
                if (value < 0) {
                    verdicts.add(Verdict.error(VerdictCodes.INVALID_CONTENT_LENGTH, h.offset(), TEXT.get(text.startsWith("-")
                            ? "verdict.contentLengthNegative" : "verdict.contentLengthInvalid",
                            HeadParser.printable(h.value()), h.offset())));
                    return null;
                }
                if (agreed == null) {
                    agreed = value;
                } else if (agreed != value) {
                    verdicts.add(Verdict.error(VerdictCodes.CONFLICTING_CONTENT_LENGTH, h.offset(),
                            TEXT.get("verdict.contentLengthConflict", agreed, value, h.offset())));
                    return null;
                } else {
                    repeated = true;
                }
            }
        }
        if (repeated) {
            Header second = headers.size() > 1 ? headers.get(1) : headers.getFirst();
            verdicts.add(Verdict.warning(VerdictCodes.DUPLICATE_CONTENT_LENGTH, second.offset(), TEXT.get("verdict.contentLengthDuplicate",
                    agreed, second.offset())));
        }
        return agreed;
    }

    /**
     * A decimal of 1 to {@value #MAX_DIGITS} significant digits (leading zeros are digits too), {@link #TOO_LARGE} for
     * more, or -1 when it is not all digits.
     */
    private static long parseDecimal(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long value = 0;
        int significant = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (significant > 0 || c != '0') {
                significant++;
            }
            if (significant <= MAX_DIGITS) {
                value = value * 10 + (c - '0');
            }
        }
        return significant > MAX_DIGITS ? TOO_LARGE : value;
    }
}
