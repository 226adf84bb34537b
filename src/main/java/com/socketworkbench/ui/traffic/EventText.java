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
import com.socketworkbench.engine.net.Endpoints;

import java.nio.charset.Charset;

/** The words a timeline shows for an event. Computed lazily by cells, so the pump stays cheap. */
public final class EventText {
    /** Longest one-line preview a cell renders; the inspector shows the rest. */
    public static final int PREVIEW_CHARS = 160;
    /** What a data row without a single byte previews as (an empty frame, say). */
    public static final String EMPTY_PAYLOAD = "(empty)";
    /** The same for UDP, where an empty datagram is a message of its own. */
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
                    ? emptyPayload : ByteText.preview(data.data(), charset, PREVIEW_CHARS);
            case ListenerStarted started ->
                    "Listening on " + Endpoints.describe(started.local()) + " (" + started.transport() + ")";
            case ListenerStopped stopped -> "Stopped listening: " + stopped.reason();
            case ConnectionAccepted ignored -> "Connection accepted";
            case ConnectionOpened ignored -> "Connected";
            case ConnectionRejected rejected -> "Connection rejected: " + rejected.reason();
            case ConnectionClosed closed -> "Closed: " + closed.reason().description()
                    + (closed.detail() == null || closed.detail().isBlank() ? "" : " (" + closed.detail() + ")");
            case Failure failure -> failure.message();
            case Notice notice -> notice.message();
        };
    }

    /** A word for what kind of event it is; the timeline filter matches it too ("failure", "closed"). */
    public static String kind(NetEvent event) {
        return switch (event) {
            case DataEvent data -> data.incoming() ? "received" : "sent";
            case ListenerStarted ignored -> "listening";
            case ListenerStopped ignored -> "stopped";
            case ConnectionAccepted ignored -> "accepted";
            case ConnectionOpened ignored -> "connected";
            case ConnectionRejected ignored -> "rejected";
            case ConnectionClosed ignored -> "closed";
            case Failure failure -> "failure " + failure.kind().name().toLowerCase().replace('_', ' ');
            case Notice ignored -> "notice";
        };
    }

    /** The size column: "12 B", "12 B · 3 reads", "1.5 KiB · truncated"; empty for non-data events. */
    public static String size(NetEvent event) {
        if (!(event instanceof DataEvent data)) {
            return "";
        }
        String bytes = Formats.bytes(data.data().length);
        if (data.reads() == 1 && !data.truncated()) {
            return bytes;
        }
        StringBuilder text = new StringBuilder(bytes);
        if (data.reads() > 1) {
            text.append(" · ").append(data.reads()).append(" reads");
        }
        if (data.truncated()) {
            text.append(" · truncated");
        }
        return text.toString();
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
            default -> null;
        };
    }
}
