package com.socketworkbench.engine.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a request is prepared and sent.
 *
 * @param fixContentLength  set or replace Content-Length with the body's byte length (not when Transfer-Encoding is set)
 * @param normalizeCrlf     turn the head's line endings into CRLF; the body is always sent as typed
 * @param keepAlive         keep the connection open for the next request to the same target
 * @param readTimeout       the longest wait for the next bytes from the server
 * @param maxResponseBytes  reading stops after this many response bytes
 * @param insecureTls       accept any certificate (the result is flagged insecure)
 * @param connectTimeout    the longest wait for the TCP connection
 * @param deadline          the longest the whole exchange may take, from resolving the host to the last response
 *                          byte; {@link Duration#ZERO} for none. The read timeout bounds each read only, so a server
 *                          that sends one byte now and then would keep an exchange without a deadline alive for days
 * @param caFile            CA certificates (PEM or DER) trusted for https in addition to the system's; null for none.
 *                          Read by the exchange when it verifies a new connection; not used with {@code insecureTls}
 */
public record RequestOptions(boolean fixContentLength, boolean normalizeCrlf, boolean keepAlive, Duration readTimeout,
                             long maxResponseBytes, boolean insecureTls, Duration connectTimeout, Duration deadline,
                             Path caFile) {

    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    public static final RequestOptions DEFAULTS = new RequestOptions(true, true, false, Duration.ofSeconds(30),
            DEFAULT_MAX_RESPONSE_BYTES, false, Duration.ofSeconds(10), DEFAULT_DEADLINE);

    /** Options without an extra CA file. */
    public RequestOptions(boolean fixContentLength, boolean normalizeCrlf, boolean keepAlive, Duration readTimeout,
                          long maxResponseBytes, boolean insecureTls, Duration connectTimeout, Duration deadline) {
        this(fixContentLength, normalizeCrlf, keepAlive, readTimeout, maxResponseBytes, insecureTls, connectTimeout,
                deadline, null);
    }

    public RequestOptions {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative()) {
            throw new IllegalArgumentException("The deadline must be positive (or zero for none), not " + deadline);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("The read timeout must be positive, not " + readTimeout);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("The connect timeout must be positive, not " + connectTimeout);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("The maximum response size must be at least 1 byte, not "
                    + maxResponseBytes);
        }
    }

    public RequestOptions withFixContentLength(boolean value) {
        return new RequestOptions(value, normalizeCrlf, keepAlive, readTimeout, maxResponseBytes, insecureTls,
                connectTimeout, deadline, caFile);
    }

    public RequestOptions withNormalizeCrlf(boolean value) {
        return new RequestOptions(fixContentLength, value, keepAlive, readTimeout, maxResponseBytes, insecureTls,
                connectTimeout, deadline, caFile);
    }

    public RequestOptions withKeepAlive(boolean value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, value, readTimeout, maxResponseBytes, insecureTls,
                connectTimeout, deadline, caFile);
    }

    public RequestOptions withReadTimeout(Duration value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, value, maxResponseBytes, insecureTls,
                connectTimeout, deadline, caFile);
    }

    public RequestOptions withMaxResponseBytes(long value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, readTimeout, value, insecureTls,
                connectTimeout, deadline, caFile);
    }

    public RequestOptions withInsecureTls(boolean value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, readTimeout, maxResponseBytes, value,
                connectTimeout, deadline, caFile);
    }

    public RequestOptions withConnectTimeout(Duration value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, readTimeout, maxResponseBytes,
                insecureTls, value, deadline, caFile);
    }

    /** @param value the longest the whole exchange may take; {@link Duration#ZERO} for no deadline */
    public RequestOptions withDeadline(Duration value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, readTimeout, maxResponseBytes,
                insecureTls, connectTimeout, value, caFile);
    }

    /** @param value CA certificates trusted in addition to the system's for https; null for none */
    public RequestOptions withCaFile(Path value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, readTimeout, maxResponseBytes,
                insecureTls, connectTimeout, deadline, value);
    }

    /** True when the exchange has a deadline. */
    public boolean hasDeadline() {
        return !deadline.isZero();
    }
}
