package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.http.Header;
import com.socketworkbench.engine.http.HttpExchange;
import com.socketworkbench.engine.http.HttpResponseParser;
import com.socketworkbench.engine.http.HttpTarget;
import com.socketworkbench.engine.http.ParsedResponse;
import com.socketworkbench.engine.http.PreparedRequest;
import com.socketworkbench.engine.http.RequestBody;
import com.socketworkbench.engine.http.Timing;
import com.socketworkbench.engine.http.Verdict;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.workspace.MemoryPreferences;
import com.socketworkbench.workspace.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The HTTP history in a workspace: each entry as one child node of {@value #NODE} ("000" the newest), holding the
 * target, the request text as typed and its charset, when it was sent, the outcome, timing and counts, and the
 * response head and body bytes as received. A body (what followed the head, still chunked or compressed as it
 * came) is kept up to {@value #BODY_LIMIT} bytes; a larger one keeps its size only, and the restored entry says
 * "Response body not saved (N bytes)". Bytes are stored as text when they are UTF-8 (no NUL), else as base64 under
 * the key with the "Base64" suffix.
 *
 * <p>Restoring parses the saved bytes again, so a restored entry shows status, headers, body, raw bytes and verdicts
 * as the live one did (TLS details are not saved). An entry that cannot be read is skipped and logged: a workspace
 * file is typed by hand sometimes, and one bad entry must not lose the others.
 */
final class HistoryArchive {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    static final String NODE = "history";
    static final String PREF_SHOWN = "shown";
    static final int BODY_LIMIT = 64 * 1024;

    static final String NUMBER = "number";
    static final String SCHEME = "scheme";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String REQUEST = "request";
    static final String REQUEST_CHARSET = "requestCharset";
    static final String REQUEST_CUT = "requestTextCut";
    static final String SENT_AT = "sentAt";
    static final String STATUS = "status";
    static final String FAILURE = "failure";
    static final String BYTES_SENT = "bytesSent";
    static final String BYTES_RECEIVED = "bytesReceived";
    static final String REUSED = "connectionReused";
    static final String HEAD = "responseHead";
    static final String BODY = "responseBody";
    static final String BODY_BYTES = "responseBodyBytes";
    static final String DROPPED = "droppedForBudget";
    static final String BASE64 = "Base64";
    static final String[] TIMING = {"timeDns", "timeConnect", "timeTls", "timeRequestWritten", "timeFirstByte",
            "timeTotal"};

    private static final Logger LOG = LoggerFactory.getLogger(HistoryArchive.class);

    private HistoryArchive() {
    }

    /**
     * Each entry's saved form, made once: an entry never changes (dropping its bytes makes a new one), and the
     * workspace's unsaved-changes check saves the whole history after every burst of input, so encoding 100
     * responses each time would stall the FX thread. Holds only the entries of the last save.
     */
    static final class Cache {
        private Map<HistoryEntry, Settings> saved = new IdentityHashMap<>();

        private Settings of(HistoryEntry entry, Map<HistoryEntry, Settings> kept) {
            Settings settings = saved.get(entry);
            if (settings == null) {
                MemoryPreferences scratch = new MemoryPreferences();
                write(scratch, entry);
                settings = Settings.of(scratch);
            }
            kept.put(entry, settings);
            return settings;
        }
    }

    /**
     * Replaces the node's saved history with {@code entries} (newest first) and which one is shown, reusing the
     * saved form of entries {@code cache} saw before.
     */
    static void save(Preferences tab, List<HistoryEntry> entries, HistoryEntry shown, Cache cache)
            throws BackingStoreException {
        if (tab.nodeExists(NODE)) {
            tab.node(NODE).removeNode();
        }
        Preferences history = tab.node(NODE);
        Map<HistoryEntry, Settings> kept = new IdentityHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            cache.of(entries.get(i), kept).writeTo(history.node(childName(i)));
        }
        cache.saved = kept;
        if (shown != null) {
            history.putLong(PREF_SHOWN, shown.number());
        }
    }

    static String childName(int index) {
        return String.format(Locale.ROOT, "%03d", index);
    }

    private static void write(Preferences node, HistoryEntry entry) {
        HttpExchange exchange = entry.exchange();
        node.putLong(NUMBER, entry.number());
        node.put(SCHEME, exchange.target().scheme());
        node.put(HOST, exchange.target().host());
        node.putInt(PORT, exchange.target().port());
        node.put(REQUEST, entry.requestText());
        node.put(REQUEST_CHARSET, entry.requestCharset().name());
        node.putBoolean(REQUEST_CUT, entry.requestTextCut());
        node.put(SENT_AT, exchange.startedAt().toString());
        node.put(STATUS, outcome(exchange));
        exchange.failure().ifPresent(failure -> node.put(FAILURE, failure));
        node.putLong(BYTES_SENT, exchange.bytesSent());
        node.putLong(BYTES_RECEIVED, exchange.bytesReceived());
        node.putBoolean(REUSED, exchange.connectionReused());
        Timing timing = exchange.timing();
        Duration[] phases = {timing.dns(), timing.connect(), timing.tls(), timing.requestWritten(),
                timing.firstByte(), timing.total()};
        for (int i = 0; i < TIMING.length; i++) {
            node.put(TIMING[i], phases[i].toString());
        }
        if (exchange.response().isEmpty()) {
            return;
        }
        ParsedResponse response = exchange.response().get();
        ByteSource raw = exchange.rawBytes();
        long headEnd = Math.min(Math.max(0, response.headerEnd()), raw.length());
        if (entry.bytesDropped()) {
            // The history already let the bytes go: the status line and headers are what is left of the head.
            putBytes(node, HEAD, headText(response).getBytes(StandardCharsets.ISO_8859_1));
            node.putLong(BODY_BYTES, entry.droppedBodyBytes());
            node.putBoolean(DROPPED, true);
            return;
        }
        putBytes(node, HEAD, raw.readAt(0, (int) headEnd));
        long bodyBytes = raw.length() - headEnd;
        node.putLong(BODY_BYTES, bodyBytes);
        if (bodyBytes <= BODY_LIMIT) {
            putBytes(node, BODY, raw.readAt(headEnd, (int) bodyBytes));
        }
    }

    /** "HTTP/1.1 200 OK", or the failure, or "No status line". */
    static String outcome(HttpExchange exchange) {
        return exchange.response().map(ParsedResponse::statusLine).filter(line -> !line.isEmpty())
                .orElse(exchange.failure().orElse(TEXT.get("archive.noStatusLine")));
    }

    private static String headText(ParsedResponse response) {
        StringBuilder head = new StringBuilder(response.statusLine()).append("\r\n");
        for (Header header : response.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static void putBytes(Preferences node, String key, byte[] bytes) {
        Optional<String> text = utf8(bytes);
        if (text.isPresent()) {
            node.put(key, text.get());
        } else {
            node.put(key + BASE64, Base64.getEncoder().encodeToString(bytes));
        }
    }

    /** The bytes as text when they are UTF-8 without NUL (a value a preferences node and a JSON file keep as is). */
    private static Optional<String> utf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * The saved entries, newest first, at most {@code limit}; each response parsed again with at most
     * {@code maxDecodedBytes} of decoded body.
     */
    static List<HistoryEntry> load(Preferences tab, int limit, long maxDecodedBytes) {
        List<HistoryEntry> entries = new ArrayList<>();
        try {
            if (!tab.nodeExists(NODE)) {
                return entries;
            }
            Preferences history = tab.node(NODE);
            String[] names = history.childrenNames();
            Arrays.sort(names);
            for (String name : names) {
                if (entries.size() >= limit) {
                    break;
                }
                try {
                    entries.add(read(history.node(name), maxDecodedBytes));
                } catch (RuntimeException e) {
                    LOG.warn("Skipped saved HTTP history entry {}: {}", name, e.getMessage());
                }
            }
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("Could not read the saved HTTP history: {}", e.getMessage());
        }
        return entries;
    }

    /** The number of the entry that was shown when saved, or -1. */
    static long shownNumber(Preferences tab) {
        try {
            return tab.nodeExists(NODE) ? tab.node(NODE).getLong(PREF_SHOWN, -1) : -1;
        } catch (BackingStoreException | IllegalStateException e) {
            return -1;
        }
    }

    private static HistoryEntry read(Preferences node, long maxDecodedBytes) {
        HttpTarget target = new HttpTarget(node.get(SCHEME, "http"), node.get(HOST, ""),
                node.getInt(PORT, 80));
        String requestText = node.get(REQUEST, "");
        Charset charset;
        try {
            charset = SupportedCharsets.byName(node.get(REQUEST_CHARSET, "UTF-8"));
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        String method = requestText.lines().findFirst().orElse("").strip().split(" ", 2)[0];
        PreparedRequest request = new PreparedRequest(new byte[0], RequestBody.of(new byte[0]), method, List.of());
        Duration[] phases = new Duration[TIMING.length];
        for (int i = 0; i < TIMING.length; i++) {
            phases[i] = Duration.parse(node.get(TIMING[i], "PT0S"));
        }
        Timing timing = new Timing(phases[0], phases[1], phases[2], phases[3], phases[4], phases[5]);
        Optional<String> failure = Optional.ofNullable(node.get(FAILURE, null));
        Instant sentAt = Instant.parse(node.get(SENT_AT, Instant.EPOCH.toString()));
        long bytesReceived = node.getLong(BYTES_RECEIVED, 0);

        Optional<byte[]> head = bytes(node, HEAD);
        Optional<byte[]> body = bytes(node, BODY).filter(saved -> saved.length <= BODY_LIMIT);
        long bodyBytes = Math.max(0, node.getLong(BODY_BYTES, body.map(saved -> (long) saved.length).orElse(0L)));
        Optional<ParsedResponse> response = Optional.empty();
        ByteSource raw = ByteSource.of(new byte[0]);
        Optional<String> notSaved = Optional.empty();
        if (head.isPresent()) {
            if (body.isPresent() || bodyBytes == 0) {
                byte[] all = concat(head.get(), body.orElse(new byte[0]));
                raw = ByteSource.of(all);
                response = Optional.of(HttpResponseParser.parse(raw, method, true, maxDecodedBytes));
            } else {
                response = Optional.of(headOnly(HttpResponseParser.parse(ByteSource.of(head.get()), method, true,
                        maxDecodedBytes), head.get().length));
                String why = TEXT.get(node.getBoolean(DROPPED, false) ? "archive.notSaved.dropped"
                        : "archive.notSaved.tooLarge");
                notSaved = Optional.of(TEXT.get("archive.notSaved", Formats.bytes(bodyBytes),
                        String.format(Locale.ROOT, "%,d", bodyBytes), why));
            }
        }
        HttpExchange exchange = new HttpExchange(target, request, response, raw, timing,
                node.getLong(BYTES_SENT, 0), bytesReceived, Optional.empty(), failure, sentAt,
                node.getBoolean(REUSED, false));
        return HistoryEntry.restored(node.getLong(NUMBER, 0), exchange, requestText, charset,
                node.getBoolean(REQUEST_CUT, false), notSaved, bodyBytes);
    }

    /** The response of a head whose body was not saved: no body, and only the findings about the head itself. */
    private static ParsedResponse headOnly(ParsedResponse parsed, long headLength) {
        parsed.close();
        List<Verdict> aboutTheHead = parsed.verdicts().stream().filter(v -> v.byteOffset() < headLength
                && v.byteOffset() < parsed.headerEnd()).toList();
        ParsedResponse stripped = parsed.withoutBodies();
        return new ParsedResponse(stripped.statusLine(), stripped.statusCode(), stripped.reason(),
                stripped.statusClassExplained(), stripped.httpVersion(), stripped.headers(), stripped.body(),
                stripped.entity(), stripped.charset(), stripped.json(), aboutTheHead, stripped.headerEnd(),
                stripped.location(), stripped.trailers(), true);
    }

    private static Optional<byte[]> bytes(Preferences node, String key) {
        String text = node.get(key, null);
        if (text != null) {
            return Optional.of(text.getBytes(StandardCharsets.UTF_8));
        }
        String base64 = node.get(key + BASE64, null);
        return base64 == null ? Optional.empty() : Optional.of(Base64.getDecoder().decode(base64.strip()));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
