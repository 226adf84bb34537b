package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
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

/** The words the text exports use for an event: its kind, the peer it concerns, and what happened. */
final class EventWords {

    private EventWords() {
    }

    /** "sent", "received", "opened", "accepted", "closed", "rejected", "listening", "stopped", "notice", "failure". */
    static String kind(NetEvent event) {
        return switch (event) {
            case BytesSent sent -> "sent";
            case BytesReceived received -> "received";
            case ConnectionOpened opened -> "opened";
            case ConnectionAccepted accepted -> "accepted";
            case ConnectionClosed closed -> "closed";
            case ConnectionRejected rejected -> "rejected";
            case ListenerStarted started -> "listening";
            case ListenerStopped stopped -> "stopped";
            case Notice notice -> "notice";
            case Failure failure -> "failure";
            case TlsEstablished tls -> "tls";
        };
    }

    /** The address the event is about: the peer, or for a listener (which has none) its own address. */
    static String peer(NetEvent event) {
        return Endpoints.describe(event.remote() != null || event instanceof DataEvent ? event.remote()
                : event.local());
    }

    /** What happened beyond the kind, without payload: a close reason, a failure's message, a notice's text. */
    static String detail(NetEvent event) {
        return switch (event) {
            case DataEvent data -> data.truncated() ? "cut by the receive limit" : "";
            case ConnectionClosed closed -> closed.reason().description()
                    + (closed.detail().isEmpty() ? "" : " (" + closed.detail() + ")");
            case ConnectionRejected rejected -> rejected.reason();
            case ListenerStarted started -> started.transport();
            case ListenerStopped stopped -> stopped.reason();
            case Notice notice -> notice.message();
            case Failure failure -> failure.operation() + " " + failure.kind() + ": " + failure.message();
            case ConnectionOpened opened -> "";
            case ConnectionAccepted accepted -> "";
            case TlsEstablished tls -> tls.details().summary();
        };
    }
}
