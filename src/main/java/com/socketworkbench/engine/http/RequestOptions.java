package com.socketworkbench.engine.http;

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
 */
public record RequestOptions(boolean fixContentLength, boolean normalizeCrlf, boolean keepAlive, Duration readTimeout,
                             long maxResponseBytes, boolean insecureTls, Duration connectTimeout) {

    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

    public static final RequestOptions DEFAULTS = new RequestOptions(true, true, false, Duration.ofSeconds(30),
            DEFAULT_MAX_RESPONSE_BYTES, false, Duration.ofSeconds(10));

    public RequestOptions {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
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
                connectTimeout);
    }

    public RequestOptions withNormalizeCrlf(boolean value) {
        return new RequestOptions(fixContentLength, value, keepAlive, readTimeout, maxResponseBytes, insecureTls,
                connectTimeout);
    }

    public RequestOptions withKeepAlive(boolean value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, value, readTimeout, maxResponseBytes, insecureTls,
                connectTimeout);
    }

    public RequestOptions withReadTimeout(Duration value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, value, maxResponseBytes, insecureTls,
                connectTimeout);
    }

    public RequestOptions withMaxResponseBytes(long value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, readTimeout, value, insecureTls,
                connectTimeout);
    }

    public RequestOptions withInsecureTls(boolean value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, readTimeout, maxResponseBytes, value,
                connectTimeout);
    }

    public RequestOptions withConnectTimeout(Duration value) {
        return new RequestOptions(fixContentLength, normalizeCrlf, keepAlive, readTimeout, maxResponseBytes,
                insecureTls, value);
    }
}
