package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.ByteText;
import com.socketworkbench.engine.event.ConnectionAccepted;
import com.socketworkbench.engine.event.ConnectionClosed;
import com.socketworkbench.engine.event.ConnectionOpened;
import com.socketworkbench.engine.event.ConnectionRejected;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.ListenerStarted;
import com.socketworkbench.engine.event.ListenerStopped;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.event.Notice;
import com.socketworkbench.engine.event.TlsEstablished;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tls.TlsEventText;

import java.nio.charset.Charset;
import java.util.Locale;

/** The words a timeline shows for an event. Computed lazily by cells, so the pump stays cheap. */
public final class EventText {
    private static final Texts TEXT = TrafficTexts.TEXT;
    /** Longest one-line preview a cell renders; the inspector shows the rest. */
    public static final int PREVIEW_CHARS = 160;
    /**
     * What a data row without a single byte previews as (an empty frame, say): this English text stands for the
     * bundle's {@code preview.empty} and is shown in the user's language.
     */
    public static final String EMPTY_PAYLOAD = "(empty)";
    /** The same for UDP, where an empty datagram is a message of its own ({@code preview.empty.datagram}). */
    public static final String EMPTY_DATAGRAM = "(empty datagram)";

    private EventText() {
    }

    /** The preview column: decoded bytes for data ({@link #EMPTY_PAYLOAD} for none), a sentence for the rest. */
    public static String preview(NetEvent event, Charset charset) {
        return preview(event, charset, EMPTY_PAYLOAD);
    }

    /**
     * The preview column: decoded bytes for data, a sentence for everything else.
     *
     * @param emptyPayload what a data row without bytes says, e.g. {@link #EMPTY_DATAGRAM}
     */
    public static String preview(NetEvent event, Charset charset, String emptyPayload) {
        return switch (event) {
            case DataEvent data -> data.data().length == 0
                    ? emptyText(emptyPayload) : ByteText.preview(data.data(), charset, PREVIEW_CHARS);
            case ListenerStarted started -> TEXT.get("preview.listening", Endpoints.describe(started.local()),
                    started.transport());
            case ListenerStopped stopped -> TEXT.get("preview.stopped", stopped.reason());
            case ConnectionAccepted ignored -> TEXT.get("preview.accepted");
            case ConnectionOpened ignored -> TEXT.get("preview.connected");
            case ConnectionRejected rejected -> TEXT.get("preview.rejected", rejected.reason());
            case ConnectionClosed closed -> closed.detail() == null || closed.detail().isBlank()
                    ? TEXT.get("preview.closed", closed.reason().description())
                    : TEXT.get("preview.closed.detail", closed.reason().description(), closed.detail());
            case Failure failure -> failure.message();
            case Notice notice -> notice.message();
            case TlsEstablished tls -> TlsEventText.summary(tls.details());
        };
    }

    /**
     * What the inspector shows for a row without bytes: the preview, or for a TLS handshake the whole session with
     * its certificate chain, to read and copy.
     */
    public static String detail(NetEvent event, Charset charset) {
        return event instanceof TlsEstablished tls ? TlsEventText.details(tls.details(), java.time.Instant.now())
                : preview(event, charset);
    }

    /** True when {@link #detail} says more than the preview (the inspector gives it room). */
    public static boolean hasDetail(NetEvent event) {
        return event instanceof TlsEstablished;
    }

    /** The placeholder constants stand for their bundle texts; any other text is the caller's own. */
    private static String emptyText(String emptyPayload) {
        if (EMPTY_PAYLOAD.equals(emptyPayload)) {
            return TEXT.get("preview.empty");
        }
        return EMPTY_DATAGRAM.equals(emptyPayload) ? TEXT.get("preview.empty.datagram") : emptyPayload;
    }

    /**
     * A word for what kind of event it is, in the user's language; the timeline filter matches it too ("failure",
     * "closed"). A failure keeps its kind's constant name ("connection refused") in both languages.
     */
    public static String kind(NetEvent event) {
        return switch (event) {
            case DataEvent data -> TEXT.get(data.incoming() ? "kind.received" : "kind.sent");
            case ListenerStarted ignored -> TEXT.get("kind.listening");
            case ListenerStopped ignored -> TEXT.get("kind.stopped");
            case ConnectionAccepted ignored -> TEXT.get("kind.accepted");
            case ConnectionOpened ignored -> TEXT.get("kind.connected");
            case ConnectionRejected ignored -> TEXT.get("kind.rejected");
            case ConnectionClosed ignored -> TEXT.get("kind.closed");
            case Failure failure -> TEXT.get("kind.failure",
                    failure.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            case Notice ignored -> TEXT.get("kind.notice");
            case TlsEstablished ignored -> TlsEventText.kind();
        };
    }

    /** The size column: "12 B", "12 B · 3 reads", "1.5 KiB · truncated"; empty for non-data events. */
    public static String size(NetEvent event) {
        if (!(event instanceof DataEvent data)) {
            return "";
        }
        String bytes = Formats.bytes(data.data().length);
        if (data.reads() == 1 && !data.truncated() && !data.incomplete()) {
            return bytes;
        }
        String text = bytes;
        if (data.incomplete()) {
            return TEXT.get("size.incomplete", text);
        }
        if (data.reads() > 1) {
            text = TEXT.get("size.reads", text, data.reads());
        }
        if (data.truncated()) {
            text = TEXT.get("size.truncated", text);
        }
        return text;
    }

    /** The peer column: the remote end if known, else the local one (listener rows). */
    public static String peer(NetEvent event) {
        if (event.remote() != null) {
            return Endpoints.describe(event.remote());
        }
        return event.local() == null ? "" : Endpoints.describe(event.local());
    }

    /** The bytes of a data event, or null for anything else. */
    public static byte[] payload(NetEvent event) {
        return event instanceof DataEvent data ? data.data() : null;
    }

    /** How many payload bytes an event carries: 0 for anything but data. */
    public static int payloadSize(NetEvent event) {
        return event instanceof DataEvent data ? data.data().length : 0;
    }

    /** Row styling: failures red, closes/stops/notices muted. */
    public static String rowStyleClass(NetEvent event) {
        return switch (event) {
            case Failure ignored -> "row-failure";
            case ConnectionRejected ignored -> "row-failure";
            case ConnectionClosed ignored -> "row-muted";
            case ListenerStopped ignored -> "row-muted";
            case Notice ignored -> "row-muted";
            case TlsEstablished tls when TlsEventText.unverified(tls.details()) -> "row-failure";
            case DataEvent data when data.incomplete() -> "row-incomplete";
            default -> null;
        };
    }
}
