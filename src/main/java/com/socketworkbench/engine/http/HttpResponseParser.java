package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.codec.ByteSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes a raw HTTP/1.x response apart and explains what is wrong with it. Pure: works on any {@link ByteSource}, never
 * throws (a failure becomes a {@link VerdictCodes#PARSER_ERROR} verdict) and never blocks.
 */
public final class HttpResponseParser {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    /** Bodies larger than this are not checked for JSON validity (the check needs the whole text in memory). */
    public static final int MAX_JSON_CHECK_BYTES = 8 * 1024 * 1024;
    private static final int READ_BLOCK = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HttpResponseParser.class);

    private HttpResponseParser() {
    }

    /**
     * @param raw                    the response bytes exactly as received
     * @param requestMethod          the method of the request this answers (HEAD responses have no body)
     * @param connectionClosedByPeer true when the server closed the connection after these bytes; false when the
     *                               reading stopped for another reason (then an unfinished response is incomplete)
     */
    public static ParsedResponse parse(ByteSource raw, String requestMethod, boolean connectionClosedByPeer) {
        return parse(raw, requestMethod, connectionClosedByPeer, RequestOptions.DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** As {@link #parse(ByteSource, String, boolean)}, with a limit on the decompressed body size. */
    public static ParsedResponse parse(ByteSource raw, String requestMethod, boolean connectionClosedByPeer,
                                       long maxDecodedBytes) {
        Spool chunks = new Spool();
        List<Verdict> extra = new ArrayList<>();
        ResponseScanner scanner = new ResponseScanner(requestMethod, (offset, bytes, off, len) -> {
            try {
                chunks.write(bytes, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            long length = raw.length();
            byte[] block = new byte[READ_BLOCK];
            long pos = 0;
            while (pos < length && !scanner.isComplete()) {
                int n = raw.read(pos, block, 0, (int) Math.min(block.length, length - pos));
                if (n <= 0) {
                    break;
                }
                scanner.feed(block, 0, n);
                pos += n;
            }
            if (!scanner.isComplete()) {
                if (connectionClosedByPeer) {
                    scanner.endOfStream();
                } else {
                    scanner.stoppedEarly();
                }
            }
            return build(raw, requestMethod, scanner, chunks, maxDecodedBytes);
        } catch (RuntimeException e) {
            chunks.discard();
            log.warn("Parsing a response failed", e);
            extra.add(Verdict.error(VerdictCodes.PARSER_ERROR, scanner.position(), TEXT.get("verdict.parserError",
                    e.getClass().getSimpleName() + ": " + e.getMessage())));
            extra.addAll(scanner.verdicts());
            ByteSource empty = ByteSource.of(new byte[0]);
            return new ParsedResponse("", 0, "", StatusCodes.classExplained(0), "", List.of(), empty, empty,
                    Optional.empty(), false, extra, Math.max(0, scanner.headerEnd()), Optional.empty(), List.of(),
                    false);
        }
    }

    private static ParsedResponse build(ByteSource raw, String requestMethod, ResponseScanner scanner, Spool chunks,
                                        long maxDecodedBytes) {
        List<Verdict> verdicts = new ArrayList<>(scanner.verdicts());
        if (scanner.noStatusLine()) {
            quoteTheStart(raw, verdicts);
        }
        HeadParser.ParsedHead head = scanner.head();
        long headerEnd = Math.max(0, scanner.headerEnd());
        List<Header> headers = head == null ? List.of() : head.headers();
        int code = head == null ? 0 : head.statusCode();

        long length = raw.length();
        long end = scanner.position();
        if (scanner.isComplete() && !scanner.isFramingBroken() && end < length) {
            long extraBytes = length - end;
            boolean noBodyExpected = scanner.framing() == ResponseScanner.Framing.NO_BODY;
            if (noBodyExpected && code != 101 && !"CONNECT".equalsIgnoreCase(requestMethod)) {
                String why = "HEAD".equalsIgnoreCase(requestMethod) ? TEXT.get("verdict.noBody.head")
                        : TEXT.get("verdict.noBody.status", code);
                verdicts.add(Verdict.error(VerdictCodes.BODY_ON_NO_BODY_RESPONSE, end, TEXT.get("verdict.bodyOnNoBody",
                        extraBytes, end, why)));
            } else if (!noBodyExpected) {
                verdicts.add(Verdict.warning(VerdictCodes.EXTRA_BYTES_AFTER_RESPONSE, end, TEXT.get("verdict.extraBytes",
                        extraBytes, end)));
            }
        }

        ByteSource entity;
        if (scanner.framing() == ResponseScanner.Framing.CHUNKED) {
            try {
                entity = chunks.finish();
            } catch (IOException e) {
                chunks.discard();
                throw new UncheckedIOException(e);
            }
        } else {
            chunks.discard();
            entity = new SliceByteSource(raw, scanner.bodyStart(), Math.max(0, scanner.bodyEnd() - scanner.bodyStart()));
        }

        BodyDecoder.Decoded decoded = BodyDecoder.decode(entity, headers, headerEnd, maxDecodedBytes);
        verdicts.addAll(decoded.verdicts());
        ByteSource body = decoded.body();

        Optional<String> contentType = headers.stream().filter(h -> h.is("Content-Type")).map(Header::value)
                .findFirst();
        Optional<Charset> charset = contentType.flatMap(ct -> charsetOf(ct, headers, verdicts));
        boolean json = contentType.map(HttpResponseParser::isJsonMediaType).orElse(false);
        if (json && body.length() > 0) {
            checkJson(body, charset.orElse(StandardCharsets.UTF_8), headerEnd, body == entity
                    && scanner.framing() != ResponseScanner.Framing.CHUNKED, verdicts);
        }

        Optional<String> location = headers.stream().filter(h -> h.is("Location")).map(Header::value).findFirst();
        if (StatusCodes.isRedirect(code) && code != 304 && location.isEmpty()) {
            verdicts.add(Verdict.warning(VerdictCodes.REDIRECT_WITHOUT_LOCATION, 0, TEXT.get("verdict.redirectNoLocation",
                    code)));
        }

        // A 101 or a successful CONNECT ends with its head; the connection then carries another protocol, which
        // makes it unusable for HTTP (framing "broken") but does not make the response itself incomplete.
        boolean switchedProtocol = scanner.framing() == ResponseScanner.Framing.NO_BODY && scanner.isFramingBroken();
        boolean complete = scanner.isComplete() && (!scanner.isFramingBroken() || switchedProtocol)
                && verdicts.stream().noneMatch(v -> v.code().equals(VerdictCodes.TRUNCATED_BODY)
                || v.code().equals(VerdictCodes.MISSING_LAST_CHUNK) || v.code().equals(VerdictCodes.HEAD_INCOMPLETE)
                || v.code().equals(VerdictCodes.EMPTY_RESPONSE) || v.code().equals(VerdictCodes.RESPONSE_INCOMPLETE)
                || v.code().equals(VerdictCodes.TRAILERS_INCOMPLETE));
        String statusLine = head == null ? "" : head.statusLine();
        return new ParsedResponse(statusLine, code, head == null ? "" : head.reason(),
                StatusCodes.classExplained(code), head == null ? "" : head.version(), headers, body, entity, charset,
                json, verdicts, headerEnd, location, scanner.trailers(), complete);
    }

    /** The scanner saw only the first bytes; the message is more useful with the start of what actually came. */
    private static void quoteTheStart(ByteSource raw, List<Verdict> verdicts) {
        byte[] start = raw.readAll(41);
        String text = new String(start, 0, Math.min(40, start.length), StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf('\n');
        if (lineEnd >= 0) {
            text = text.substring(0, lineEnd);
        }
        String quoted = HeadParser.printable(text) + (start.length > 40 && lineEnd < 0 ? "…" : "");
        verdicts.replaceAll(v -> v.code().equals(VerdictCodes.NO_STATUS_LINE)
                ? new Verdict(v.severity(), v.code(), TEXT.get("verdict.beginsWith", v.message(), quoted),
                v.byteOffset())
                : v);
    }

    /** "application/json", "application/problem+json", "text/json"; parameters ignored. */
    static boolean isJsonMediaType(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
    }

    private static Optional<Charset> charsetOf(String contentType, List<Header> headers, List<Verdict> verdicts) {
        for (String param : contentType.split(";")) {
            int eq = param.indexOf('=');
            if (eq < 0 || !param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String name = param.substring(eq + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            try {
                return Optional.of(Charset.forName(name));
            } catch (IllegalArgumentException e) {
                long at = headers.stream().filter(h -> h.is("Content-Type")).mapToLong(Header::offset).findFirst()
                        .orElse(0);
                verdicts.add(Verdict.warning(VerdictCodes.UNKNOWN_CHARSET, at, TEXT.get("verdict.unknownCharset",
                        HeadParser.printable(name), at)));
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** @param bytesAreRaw the body bytes sit unchanged in the raw response, so an error can point at its byte */
    private static void checkJson(ByteSource body, Charset charset, long bodyOffset, boolean bytesAreRaw,
                                  List<Verdict> verdicts) {
        if (body.length() > MAX_JSON_CHECK_BYTES) {
            return;
        }
        byte[] bytes = body.readAll(MAX_JSON_CHECK_BYTES);
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            verdicts.add(Verdict.info(VerdictCodes.INVALID_JSON, bodyOffset, TEXT.get("verdict.jsonNotText",
                    bodyOffset, charset.name())));
            return;
        }
        Optional<String> problem = JsonPretty.problem(text);
        if (problem.isEmpty()) {
            return;
        }
        long at = bodyOffset;
        if (bytesAreRaw) {
            int index = JsonPretty.problemIndex(text).orElse(0);
            at = bodyOffset + text.substring(0, index).getBytes(charset).length;
        }
        verdicts.add(Verdict.info(VerdictCodes.INVALID_JSON, at, TEXT.get("verdict.invalidJson", at,
                problem.get())));
    }
}
