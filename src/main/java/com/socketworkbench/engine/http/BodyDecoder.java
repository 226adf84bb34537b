package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Undoes Content-Encoding (gzip, x-gzip, deflate, identity); never throws, reports problems as verdicts. */
final class BodyDecoder {

    record Decoded(ByteSource body, List<Verdict> verdicts) {
    }

    private BodyDecoder() {
    }

    static Decoded decode(ByteSource entity, List<Header> headers, long bodyOffset, long maxDecodedBytes) {
        List<String> codings = new ArrayList<>();
        long headerOffset = bodyOffset;
        for (Header h : headers) {
            if (h.is("Content-Encoding")) {
                headerOffset = h.offset();
                for (String c : h.value().split(",")) {
                    if (!c.isBlank()) {
                        codings.add(c.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        codings.removeIf(c -> c.equals("identity"));
        if (codings.isEmpty() || entity.length() == 0) {
            return new Decoded(entity, List.of());
        }
        for (String c : codings) {
            if (!c.equals("gzip") && !c.equals("x-gzip") && !c.equals("deflate")) {
                return new Decoded(entity, List.of(Verdict.info(VerdictCodes.UNSUPPORTED_CONTENT_ENCODING,
                        headerOffset, "Content-Encoding \"" + HeadParser.printable(c) + "\" (header at byte " + headerOffset + ") cannot be"
                                + " decoded here; the body is shown as received")));
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        ByteSource current = entity;
        // Codings are listed in the order they were applied, so they are undone from the last one.
        for (int i = codings.size() - 1; i >= 0; i--) {
            String coding = codings.get(i);
            ByteSource next = decodeOne(current, coding, bodyOffset, maxDecodedBytes, verdicts);
            if (current != entity) {
                TempFiles.release(current);
            }
            if (next == null) {
                return new Decoded(entity, verdicts);
            }
            current = next;
        }
        return new Decoded(current, verdicts);
    }

    private static ByteSource decodeOne(ByteSource source, String coding, long bodyOffset, long max,
                                        List<Verdict> verdicts) {
        if (coding.equals("deflate")) {
            ByteSource zlib = inflate(source, new Inflater(false), coding, bodyOffset, max, verdicts, true);
            if (zlib != null) {
                return zlib;
            }
            // Some servers send raw DEFLATE without the zlib wrapper the standard asks for.
            ByteSource raw = inflate(source, new Inflater(true), coding, bodyOffset, max, verdicts, false);
            if (raw != null) {
                verdicts.add(Verdict.info(VerdictCodes.DECODING_FAILED, bodyOffset, "The deflate body at byte "
                        + bodyOffset + " is raw DEFLATE without the zlib wrapper; decoded anyway"));
            }
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteSourceInputStream(source), 64 * 1024)) {
            return copy(in, coding, bodyOffset, max, verdicts);
        } catch (IOException | RuntimeException e) {
            verdicts.add(Verdict.error(VerdictCodes.DECODING_FAILED, bodyOffset, "The body at byte " + bodyOffset
                    + " claims " + coding + " encoding but does not decompress: " + describe(e)));
            return null;
        }
    }

    private static ByteSource inflate(ByteSource source, Inflater inflater, String coding, long bodyOffset, long max,
                                      List<Verdict> verdicts, boolean quietFailure) {
        try (InputStream in = new InflaterInputStream(new ByteSourceInputStream(source), inflater, 64 * 1024)) {
            return copy(in, coding, bodyOffset, max, verdicts);
        } catch (IOException | RuntimeException e) {
            if (!quietFailure) {
                verdicts.add(Verdict.error(VerdictCodes.DECODING_FAILED, bodyOffset, "The body at byte " + bodyOffset
                        + " claims " + coding + " encoding but does not decompress: " + describe(e)));
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
                    verdicts.add(Verdict.warning(VerdictCodes.DECODED_TOO_LARGE, bodyOffset, "The " + coding
                            + " body at byte " + bodyOffset + " decompresses to more than " + max
                            + " bytes; the decoded body is cut there"));
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
            return "the compressed data ends too early";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
