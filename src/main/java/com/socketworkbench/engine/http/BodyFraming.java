package com.socketworkbench.engine.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a response's body ends, decided from its head as RFC 9112 section 6.3 says: no body (HEAD, 1xx, 204, 304, a
 * successful CONNECT), chunked, Content-Length, or when the server closes the connection. Adds a verdict for every
 * way the head is wrong or risky about it (Content-Length with Transfer-Encoding, lengths that disagree...).
 */
final class BodyFraming {

    /**
     * @param length  the body's length for {@link ResponseScanner.Framing#CONTENT_LENGTH}, else 0
     * @param broken  true when the end cannot be trusted (or the connection now carries another protocol), so the
     *                connection must not be reused
     */
    record Decision(ResponseScanner.Framing framing, long length, boolean broken) {
    }

    private BodyFraming() {
    }

    /** @param headerEnd where the head ended, for the verdict of a body that runs until close */
    static Decision decide(String method, HeadParser.ParsedHead parsed, long headerEnd, List<Verdict> verdicts) {
        int code = parsed.statusCode();
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
        verdicts.add(Verdict.info(VerdictCodes.BODY_UNTIL_CLOSE, headerEnd, "Neither Content-Length nor"
                + " Transfer-Encoding: the body ends when the server closes the connection"));
        return new Decision(ResponseScanner.Framing.UNTIL_CLOSE, 0, false);
    }

    private static Decision transferEncoded(List<Header> transferEncodings, List<Header> contentLengths,
                                            List<Verdict> verdicts) {
        if (!contentLengths.isEmpty()) {
            Header cl = contentLengths.getFirst();
            verdicts.add(Verdict.error(VerdictCodes.CONTENT_LENGTH_WITH_TRANSFER_ENCODING, cl.offset(),
                    "Content-Length at byte " + cl.offset() + " together with Transfer-Encoding: Content-Length"
                            + " must be ignored (a request smuggling risk)"));
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
                    "Transfer-Encoding lists chunked more than once (again at byte " + chunkedAgain.offset()
                            + "); a sender must not apply it twice, so only one layer is removed here"));
        }
        if (!codings.isEmpty() && codings.getLast().equals("chunked")) {
            return new Decision(ResponseScanner.Framing.CHUNKED, 0, false);
        }
        Header te = transferEncodings.getFirst();
        verdicts.add(Verdict.warning(VerdictCodes.TRANSFER_ENCODING_NOT_CHUNKED, te.offset(),
                "Transfer-Encoding \"" + HeadParser.printable(te.value()) + "\" at byte " + te.offset()
                        + " does not end with chunked: the body ends when the server closes the connection"));
        return new Decision(ResponseScanner.Framing.UNTIL_CLOSE, 0, false);
    }

    /** The agreed length, or null (with a verdict) when the headers are invalid or disagree. */
    private static Long contentLength(List<Header> headers, List<Verdict> verdicts) {
        Long agreed = null;
        boolean repeated = false;
        for (Header h : headers) {
            for (String part : h.value().split(",", -1)) {
                String text = part.strip();
                long value = parseDecimal(text);
                if (value < 0) {
                    verdicts.add(Verdict.error(VerdictCodes.INVALID_CONTENT_LENGTH, h.offset(), "Content-Length \""
                            + HeadParser.printable(h.value()) + "\" at byte " + h.offset() + " is not a"
                            + (text.startsWith("-") ? " non-negative" : "") + " decimal number of bytes"));
                    return null;
                }
                if (agreed == null) {
                    agreed = value;
                } else if (agreed != value) {
                    verdicts.add(Verdict.error(VerdictCodes.CONFLICTING_CONTENT_LENGTH, h.offset(),
                            "Content-Length values disagree (" + agreed + " and " + value + " at byte " + h.offset()
                                    + "): the body's end cannot be known"));
                    return null;
                } else {
                    repeated = true;
                }
            }
        }
        if (repeated) {
            Header second = headers.size() > 1 ? headers.get(1) : headers.getFirst();
            verdicts.add(Verdict.warning(VerdictCodes.DUPLICATE_CONTENT_LENGTH, second.offset(), "Content-Length "
                    + agreed + " is given more than once (again at byte " + second.offset() + ")"));
        }
        return agreed;
    }

    /** A decimal of 1 to 18 digits, or -1. */
    private static long parseDecimal(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
