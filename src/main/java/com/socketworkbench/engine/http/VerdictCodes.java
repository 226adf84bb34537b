package com.socketworkbench.engine.http;

/** The {@link Verdict#code()} values. Each names one distinct finding. */
public final class VerdictCodes {

    // Status line and head
    public static final String EMPTY_RESPONSE = "EMPTY_RESPONSE";
    public static final String NO_STATUS_LINE = "NO_STATUS_LINE";
    public static final String BAD_STATUS_CODE = "BAD_STATUS_CODE";
    public static final String UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION";
    /** A bare CR or another control character inside the status line. */
    public static final String INVALID_STATUS_LINE = "INVALID_STATUS_LINE";
    public static final String HEADER_NO_COLON = "HEADER_NO_COLON";
    public static final String INVALID_HEADER_NAME = "INVALID_HEADER_NAME";
    public static final String INVALID_HEADER_VALUE = "INVALID_HEADER_VALUE";
    public static final String OBS_FOLD = "OBS_FOLD";
    public static final String BARE_LF = "BARE_LF";
    public static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";
    public static final String HEAD_INCOMPLETE = "HEAD_INCOMPLETE";
    public static final String INTERIM_RESPONSE = "INTERIM_RESPONSE";
    /** More interim (1xx) responses than {@link ResponseScanner#MAX_INTERIM_RESPONSES}: reading stopped. */
    public static final String TOO_MANY_INTERIM_RESPONSES = "TOO_MANY_INTERIM_RESPONSES";

    // Framing
    public static final String DUPLICATE_CONTENT_LENGTH = "DUPLICATE_CONTENT_LENGTH";
    public static final String CONFLICTING_CONTENT_LENGTH = "CONFLICTING_CONTENT_LENGTH";
    public static final String INVALID_CONTENT_LENGTH = "INVALID_CONTENT_LENGTH";
    public static final String CONTENT_LENGTH_WITH_TRANSFER_ENCODING = "CONTENT_LENGTH_WITH_TRANSFER_ENCODING";
    public static final String TRANSFER_ENCODING_NOT_CHUNKED = "TRANSFER_ENCODING_NOT_CHUNKED";
    /** "chunked" listed more than once in Transfer-Encoding; a sender must not apply it twice. */
    public static final String TRANSFER_ENCODING_CHUNKED_TWICE = "TRANSFER_ENCODING_CHUNKED_TWICE";
    /** Content-Length in a 1xx or 204 response, where a server must not send it (RFC 9110 section 8.6). */
    public static final String CONTENT_LENGTH_NOT_ALLOWED = "CONTENT_LENGTH_NOT_ALLOWED";
    /** Content-Length in a 304 response: only the length a 200 would have had, never a body here. */
    public static final String CONTENT_LENGTH_ON_NOT_MODIFIED = "CONTENT_LENGTH_ON_NOT_MODIFIED";
    public static final String BODY_UNTIL_CLOSE = "BODY_UNTIL_CLOSE";
    public static final String CHUNK_SIZE_INVALID = "CHUNK_SIZE_INVALID";
    public static final String CHUNK_SIZE_OVERFLOW = "CHUNK_SIZE_OVERFLOW";
    /** A control character inside a chunk extension (after the ';' of a chunk size line). */
    public static final String INVALID_CHUNK_EXTENSION = "INVALID_CHUNK_EXTENSION";
    public static final String CHUNK_NOT_TERMINATED = "CHUNK_NOT_TERMINATED";
    public static final String MISSING_LAST_CHUNK = "MISSING_LAST_CHUNK";
    public static final String TRAILERS_INCOMPLETE = "TRAILERS_INCOMPLETE";
    public static final String TRUNCATED_BODY = "TRUNCATED_BODY";
    public static final String BODY_ON_NO_BODY_RESPONSE = "BODY_ON_NO_BODY_RESPONSE";
    public static final String EXTRA_BYTES_AFTER_RESPONSE = "EXTRA_BYTES_AFTER_RESPONSE";
    public static final String RESPONSE_INCOMPLETE = "RESPONSE_INCOMPLETE";

    // Content
    public static final String DECODING_FAILED = "DECODING_FAILED";
    public static final String UNSUPPORTED_CONTENT_ENCODING = "UNSUPPORTED_CONTENT_ENCODING";
    /** A transfer coding other than chunked (gzip, deflate) was undone after de-chunking. */
    public static final String TRANSFER_CODING_DECODED = "TRANSFER_CODING_DECODED";
    /** A transfer coding other than chunked that cannot be undone here. */
    public static final String UNSUPPORTED_TRANSFER_CODING = "UNSUPPORTED_TRANSFER_CODING";
    public static final String DECODED_TOO_LARGE = "DECODED_TOO_LARGE";
    public static final String UNKNOWN_CHARSET = "UNKNOWN_CHARSET";
    public static final String INVALID_JSON = "INVALID_JSON";
    public static final String REDIRECT_WITHOUT_LOCATION = "REDIRECT_WITHOUT_LOCATION";

    // Added by the client (the parser alone cannot know these)
    public static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";
    public static final String READ_TIMEOUT = "READ_TIMEOUT";
    public static final String CONNECTION_RESET = "CONNECTION_RESET";
    public static final String CANCELLED = "CANCELLED";
    /** The exchange ran past its overall deadline (the read timeout only bounds each read). */
    public static final String EXCHANGE_DEADLINE = "EXCHANGE_DEADLINE";
    /** Bytes were waiting on the idle kept-alive connection: it was closed and a new one opened. */
    public static final String UNSOLICITED_DATA = "UNSOLICITED_DATA";

    // Past the cap on verdicts per response
    /** Counts the findings past {@link CappedVerdicts#LIMIT}, which are not kept. */
    public static final String VERDICTS_OMITTED = "VERDICTS_OMITTED";

    // A bug in the parser itself, reported instead of thrown
    public static final String PARSER_ERROR = "PARSER_ERROR";

    private VerdictCodes() {
    }
}
