package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.codec.ByteSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes the codings of a de-chunked body: transfer codings other than chunked (Transfer-Encoding: gzip, chunked),
 * then Content-Encoding (gzip, x-gzip, deflate, identity). Never throws; reports problems as verdicts.
 */
final class BodyDecoder {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    record Decoded(ByteSource body, List<Verdict> verdicts) {
    }

    /** One coding to undo and the header that names it. */
    private record Coding(String name, boolean transfer, long headerOffset) {
        String describe() {
            return TEXT.get(transfer ? "verdict.coding.transfer" : "verdict.coding.content", name);
        }
    }

    private BodyDecoder() {
    }

    static Decoded decode(ByteSource entity, List<Header> headers, long bodyOffset, long maxDecodedBytes) {
        // Listed in the order they were applied: content codings first, then transfer codings (chunked, the last,
        // is already undone by the scanner, and an extra "chunked" has its own framing verdict).
        List<Coding> codings = new ArrayList<>();
        addCodings(headers, "Content-Encoding", false, codings);
        addCodings(headers, "Transfer-Encoding", true, codings);
        if (codings.isEmpty() || entity.length() == 0) {
            return new Decoded(entity, List.of());
        }
        for (Coding c : codings) {
            if (!c.name().equals("gzip") && !c.name().equals("x-gzip") && !c.name().equals("deflate")) {
                String name = HeadParser.printable(c.name());
                return new Decoded(entity, List.of(c.transfer()
                        ? Verdict.info(VerdictCodes.UNSUPPORTED_TRANSFER_CODING, c.headerOffset(), TEXT.get("verdict.unsupportedTe",
                        name, c.headerOffset()))
                        : Verdict.info(VerdictCodes.UNSUPPORTED_CONTENT_ENCODING, c.headerOffset(), TEXT.get("verdict.unsupportedCe",
                        name, c.headerOffset()))));
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        ByteSource current = entity;
        for (int i = codings.size() - 1; i >= 0; i--) {
            Coding coding = codings.get(i);
            ByteSource next = decodeOne(current, coding.name(), coding.describe(), bodyOffset, maxDecodedBytes,
                    verdicts);
            if (current != entity) {
                TempFiles.release(current);
            }
            if (next == null) {
                return new Decoded(entity, verdicts);
            }
            if (coding.transfer()) {
                verdicts.add(Verdict.info(VerdictCodes.TRANSFER_CODING_DECODED, coding.headerOffset(),
                        TEXT.get("verdict.teUndone", coding.name(), coding.headerOffset())));
            }
            current = next;
        }
        return new Decoded(current, verdicts);
    }

    private static void addCodings(List<Header> headers, String name, boolean transfer, List<Coding> codings) {
        for (Header h : headers) {
            if (h.is(name)) {
                for (String c : h.value().split(",")) {
                    String coding = c.strip().toLowerCase(Locale.ROOT);
                    if (!coding.isEmpty() && !coding.equals("identity") && !(transfer && coding.equals("chunked"))) {
                        codings.add(new Coding(coding, transfer, h.offset()));
                    }
                }
            }
        }
    }

    /** @param what the coding as the messages name it ("gzip encoding", "gzip transfer coding") */
    private static ByteSource decodeOne(ByteSource source, String coding, String what, long bodyOffset, long max,
                                        List<Verdict> verdicts) {
        if (coding.equals("deflate")) {
            ByteSource zlib = inflate(source, new Inflater(false), what, bodyOffset, max, verdicts, true);
            if (zlib != null) {
                return zlib;
            }
            // Some servers send raw DEFLATE without the zlib wrapper the standard asks for.
            ByteSource raw = inflate(source, new Inflater(true), what, bodyOffset, max, verdicts, false);
            if (raw != null) {
                verdicts.add(Verdict.info(VerdictCodes.DECODING_FAILED, bodyOffset, TEXT.get("verdict.rawDeflate",
                        bodyOffset)));
            }
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteSourceInputStream(source), 64 * 1024)) {
            return copy(in, coding, bodyOffset, max, verdicts);
        } catch (IOException | RuntimeException e) {
            verdicts.add(Verdict.error(VerdictCodes.DECODING_FAILED, bodyOffset, TEXT.get("verdict.decodingFailed",
                    bodyOffset, what, describe(e))));
            return null;
        }
    }

    private static ByteSource inflate(ByteSource source, Inflater inflater, String what, long bodyOffset, long max,
                                      List<Verdict> verdicts, boolean quietFailure) {
        try (InputStream in = new InflaterInputStream(new ByteSourceInputStream(source), inflater, 64 * 1024)) {
            return copy(in, "deflate", bodyOffset, max, verdicts);
        } catch (IOException | RuntimeException e) {
            if (!quietFailure) {
                verdicts.add(Verdict.error(VerdictCodes.DECODING_FAILED, bodyOffset, TEXT.get(
                        "verdict.decodingFailed", bodyOffset, what, describe(e))));
            }
            return null;
        } finally {
            inflater.end();
        }
    }

    private static ByteSource copy(InputStream in, String coding, long bodyOffset, long max, List<Verdict> verdicts)
            throws IOException {
        Spool spool = new Spool();
        boolean handedOver = false;
        try {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                int keep = (int) Math.min(n, max - total);
                spool.write(buffer, 0, keep);
                total += keep;
                if (total >= max) {
                    verdicts.add(Verdict.warning(VerdictCodes.DECODED_TOO_LARGE, bodyOffset, TEXT.get("verdict.decodedTooLarge",
                            coding, bodyOffset, max)));
                    break;
                }
            }
            ByteSource result = spool.finish();
            handedOver = true;
            return result;
        } finally {
            if (!handedOver) {
                spool.discard();
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof java.io.EOFException) {
            return TEXT.get("verdict.compressedTooShort");
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
