package com.socketworkbench.engine.http;

import com.socketworkbench.engine.codec.ByteSource;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request and what came back. Holds temp files for large responses: {@link #close()} it when the UI discards it.
 *
 * @param response         present once the request was written (also when the server then sent nothing: the
 *                         verdicts say so); empty when the exchange failed before that
 * @param rawBytes         every response byte exactly as received, before any decoding; a
 *                         {@link com.socketworkbench.engine.codec.FileByteSource} when it was too large for memory
 * @param bytesSent        request bytes written to the socket
 * @param bytesReceived    response bytes read from the socket (= rawBytes length)
 * @param tls              for https: protocol, cipher and the certificate chain
 * @param failure          what went wrong, in words (refused, timeout, TLS problem, cancelled); empty on success
 * @param connectionReused the request went over a kept-alive connection
 */
public record HttpExchange(HttpTarget target, PreparedRequest request, Optional<ParsedResponse> response,
                           ByteSource rawBytes, Timing timing, long bytesSent, long bytesReceived,
                           Optional<TlsInfo> tls, Optional<String> failure, Instant startedAt,
                           boolean connectionReused) implements AutoCloseable {

    public HttpExchange {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(rawBytes, "rawBytes");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean succeeded() {
        return failure.isEmpty() && response.isPresent();
    }

    /** What keeping this exchange costs, in memory and in temp files. */
    public ExchangeFootprint footprint() {
        return ExchangeFootprint.of(this);
    }

    /**
     * The same exchange without its stored bytes: the raw response, the body and the request body are empty; the
     * status, headers, verdicts, timing, counts and failure stay. It owns nothing: this exchange is still the one to
     * {@link #close()} to delete the temp files.
     */
    public HttpExchange withoutStoredBytes() {
        return new HttpExchange(target, request.withoutBody(), response.map(ParsedResponse::withoutBodies),
                ByteSource.of(new byte[0]), timing, bytesSent, bytesReceived, tls, failure, startedAt,
                connectionReused);
    }

    /** Deletes the temp files behind the raw bytes and the body. Safe to call twice. */
    @Override
    public void close() {
        response.ifPresent(ParsedResponse::close);
        TempFiles.release(rawBytes);
    }
}
