package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A response taken apart. Body bytes may live in temp files: {@link #close()} releases them (the raw bytes belong to
 * whoever owns them, usually the {@link HttpExchange}).
 *
 * @param statusLine           the first line as received, without its line ending ("" when there is none)
 * @param statusCode           100..599, or 0 when the status line has no valid code
 * @param reason               the reason phrase as received (may be empty)
 * @param statusClassExplained "2xx success", "4xx client error", ...
 * @param httpVersion          "HTTP/1.1" as received ("" when there is no status line)
 * @param headers              in order of arrival, obs-folded lines joined
 * @param body                 the content: de-chunked, then decoded per Content-Encoding (gzip, deflate); the entity
 *                             itself when decoding is not possible
 * @param entity               de-chunked only, still content-encoded
 * @param charset              from Content-Type's charset parameter
 * @param json                 Content-Type is application/json or +json
 * @param verdicts             findings, worst first, then by offset
 * @param headerEnd            raw offset of the first body byte
 * @param location             the Location header, if any
 * @param trailers             trailer fields after the last chunk
 * @param complete             the response ended where its framing says (not cut off)
 */
public record ParsedResponse(String statusLine, int statusCode, String reason, String statusClassExplained,
                             String httpVersion, List<Header> headers, ByteSource body, ByteSource entity,
                             Optional<Charset> charset, boolean json, List<Verdict> verdicts, long headerEnd,
                             Optional<String> location, List<Header> trailers, boolean complete)
        implements AutoCloseable {

    static final Comparator<Verdict> VERDICT_ORDER = Comparator.comparing(Verdict::severity)
            .thenComparingLong(Verdict::byteOffset);

    public ParsedResponse {
        Objects.requireNonNull(statusLine, "statusLine");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(entity, "entity");
        headers = List.copyOf(headers);
        verdicts = verdicts.stream().sorted(VERDICT_ORDER).toList();
        trailers = List.copyOf(trailers);
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
    }

    /** All values of a header, in order. */
    public List<String> headerValues(String name) {
        return headers.stream().filter(h -> h.is(name)).map(Header::value).toList();
    }

    public boolean hasErrors() {
        return verdicts.stream().anyMatch(v -> v.severity() == Severity.ERROR);
    }

    public Optional<Verdict> verdict(String code) {
        return verdicts.stream().filter(v -> v.code().equals(code)).findFirst();
    }

    /** The worst severity among the verdicts, empty when there are none. */
    public Optional<Severity> worstSeverity() {
        return verdicts.stream().map(Verdict::severity).min(Comparator.naturalOrder());
    }

    /** A copy with more verdicts (the client adds what only it knows: timeouts, limits). */
    ParsedResponse withVerdicts(List<Verdict> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Verdict> all = new ArrayList<>(verdicts);
        all.addAll(more);
        return new ParsedResponse(statusLine, statusCode, reason, statusClassExplained, httpVersion, headers, body,
                entity, charset, json, all, headerEnd, location, trailers, complete);
    }

    /**
     * The same response without its body and entity (both empty): status, headers, verdicts and trailers stay.
     * Does not release the bytes it drops; the caller closes this response for that.
     */
    public ParsedResponse withoutBodies() {
        ByteSource empty = ByteSource.of(new byte[0]);
        return new ParsedResponse(statusLine, statusCode, reason, statusClassExplained, httpVersion, headers, empty,
                empty, charset, json, verdicts, headerEnd, location, trailers, complete);
    }

    /** Deletes the temp files behind {@link #body()} and {@link #entity()}, if any. Safe to call twice. */
    @Override
    public void close() {
        TempFiles.release(body);
        TempFiles.release(entity);
    }
}
