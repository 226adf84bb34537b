package com.socketworkbench.engine.net;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.text.DurationText;

import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Turns socket exceptions into a {@link FailureKind} and a message a user understands. The JDK reports most socket
 * errors as a plain {@code SocketException} whose text comes from the operating system, so classification looks at
 * exception types first and then at the well-known OS texts (Linux, macOS and Windows wordings).
 */
public final class SocketErrors {
    private static final int FIRST_UNPRIVILEGED_PORT = 1024;

    private SocketErrors() {
    }

    /** The kind of the first throwable in the cause chain that is recognised; IO_ERROR if none is. */
    public static FailureKind classify(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 10; c = c.getCause(), depth++) {
            FailureKind kind = classifyOne(c);
            if (kind != FailureKind.IO_ERROR) {
                return kind;
            }
        }
        return FailureKind.IO_ERROR;
    }

    /**
     * A Failure event for {@code t} in {@code operation}. Binding (START) or connecting a Unix domain socket gets the
     * messages of {@link UnixSocketErrors} (about files and directories instead of ports and hosts).
     */
    public static Failure toFailure(Throwable t, Operation operation, long connectionId, SocketAddress local,
                                    SocketAddress remote) {
        if (t instanceof SocketErrorException known) {
            return known.failure();
        }
        if (operation == Operation.START && local instanceof UnixDomainSocketAddress unix) {
            return UnixSocketErrors.bindFailure(t, connectionId, unix);
        }
        if (operation == Operation.CONNECT && remote instanceof UnixDomainSocketAddress unix) {
            return UnixSocketErrors.connectFailure(t, connectionId, local, unix);
        }
        return genericFailure(t, operation, connectionId, local, remote);
    }

    /** The failure for {@code t} by its kind alone, without the words about files that Unix sockets get. */
    static Failure genericFailure(Throwable t, Operation operation, long connectionId, SocketAddress local,
                                  SocketAddress remote) {
        FailureKind kind = classify(t);
        return new Failure(Instant.now(), connectionId, local, remote, operation, kind,
                message(kind, t, local, remote, operation), technicalDetail(t));
    }

    /** "No answer from 127.0.0.1:5000 within 5 s": a connect that timed out, with the timeout the user chose. */
    public static Failure connectTimeout(long connectionId, SocketAddress local, SocketAddress remote,
                                         Duration timeout, Throwable cause) {
        return new Failure(Instant.now(), connectionId, local, remote, Operation.CONNECT, FailureKind.CONNECT_TIMEOUT,
                "No answer from " + Endpoints.describe(remote) + " within " + DurationText.of(timeout),
                cause == null ? "" : technicalDetail(cause));
    }

    /** The exception class and text, for the "details" part of a failure; never a stack trace. */
    public static String technicalDetail(Throwable t) {
        String text = t.getMessage();
        return t.getClass().getName() + (text == null || text.isBlank() ? "" : ": " + text);
    }

    private static FailureKind classifyOne(Throwable t) {
        if (t instanceof SocketErrorException known) {
            return known.failure().kind();
        }
        if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
            return FailureKind.UNKNOWN_HOST;
        }
        if (t instanceof SocketTimeoutException) {
            // The engine handles read timeouts itself (idle framing), so a timeout that escapes is a connect's.
            return FailureKind.CONNECT_TIMEOUT;
        }
        if (t instanceof NoRouteToHostException) {
            return FailureKind.NETWORK_UNREACHABLE;
        }
        if (t instanceof AccessDeniedException || t instanceof SecurityException) {
            return FailureKind.PERMISSION_DENIED;
        }
        String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (text.contains("connection refused")) {
            return FailureKind.CONNECTION_REFUSED;
        }
        if (text.contains("address already in use")) {
            return FailureKind.PORT_IN_USE;
        }
        if (text.contains("cannot assign requested address") || text.contains("requested address is not valid")
                || text.contains("can't assign requested address")) {
            return FailureKind.ADDRESS_NOT_AVAILABLE;
        }
        if (text.contains("permission denied") || text.contains("access denied")
                || text.contains("operation not permitted") || text.contains("access permissions")) {
            return FailureKind.PERMISSION_DENIED;
        }
        if (text.contains("connection reset") || text.contains("forcibly closed")) {
            return FailureKind.CONNECTION_RESET;
        }
        if (text.contains("broken pipe")) {
            return FailureKind.BROKEN_PIPE;
        }
        if (text.contains("network is unreachable") || text.contains("no route to host")
                || text.contains("host is unreachable")) {
            return FailureKind.NETWORK_UNREACHABLE;
        }
        if (text.contains("connection timed out") || text.contains("connect timed out")) {
            return FailureKind.CONNECT_TIMEOUT;
        }
        return FailureKind.IO_ERROR;
    }

    private static String message(FailureKind kind, Throwable t, SocketAddress local, SocketAddress remote,
                                  Operation action) {
        boolean binding = action == Operation.START;
        SocketAddress subject = binding || remote == null ? local : remote;
        return switch (kind) {
            case CONNECTION_REFUSED -> "Connection refused: nothing is listening on " + Endpoints.describe(remote)
                    + " (or a firewall rejected it)";
            case CONNECT_TIMEOUT -> "No answer from " + Endpoints.describe(remote) + " in time (the connection attempt"
                    + " timed out)";
            case UNKNOWN_HOST -> "Unknown host '" + hostName(remote, t) + "': the name could not be resolved";
            case PORT_IN_USE -> "Port " + port(local) + " on " + hostLabel(local)
                    + " is already in use by another program";
            case ADDRESS_NOT_AVAILABLE -> binding
                    ? "Cannot listen on " + hostLabel(local) + ": the system says this address is not available"
                    + " here (it is not assigned to a network interface of this machine)"
                    : "Cannot " + phrase(action, subject) + ": no usable local address (the system may have run out"
                    + " of free local ports)";
            case PERMISSION_DENIED -> binding && port(local) > 0 && port(local) < FIRST_UNPRIVILEGED_PORT
                    ? "Permission denied to listen on port " + port(local) + " on " + hostLabel(local)
                    + ": ports below 1024 are privileged; use a port from 1024 up or run with the needed privileges"
                    : "Permission denied: the system did not allow to " + phrase(action, subject)
                    + " (a firewall or security policy may block it)";
            case CONNECTION_RESET -> "The peer " + Endpoints.describe(remote) + " reset the connection";
            case BROKEN_PIPE -> "The peer " + Endpoints.describe(remote) + " has closed the connection (broken pipe)";
            case NETWORK_UNREACHABLE -> "Network is unreachable: there is no route to " + Endpoints.describe(remote);
            case INVALID_INPUT, INVALID_STATE, LIMIT_EXCEEDED, IO_ERROR -> "Could not " + phrase(action, subject)
                    + ": " + (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        };
    }

    private static String phrase(Operation action, SocketAddress subject) {
        String where = Endpoints.describe(subject);
        return switch (action) {
            case CONNECT -> "connect to " + where;
            case START -> "listen on " + where;
            case ACCEPT -> "accept a connection on " + where;
            case RECEIVE -> "read from " + where;
            case SEND -> "write to " + where;
            case CLOSE -> "close the connection to " + where;
            case OPTIONS -> "set the socket options of " + where;
            case MULTICAST -> "use multicast on " + where;
        };
    }

    private static String hostName(SocketAddress remote, Throwable t) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getHostString();
        }
        String text = t.getMessage() == null ? "" : t.getMessage();
        int colon = text.indexOf(':');
        return colon > 0 ? text.substring(0, colon) : text;
    }

    private static int port(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getPort() : -1;
    }

    private static String hostLabel(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            if (inet.getAddress() != null && inet.getAddress().isAnyLocalAddress()) {
                return "all interfaces (" + Endpoints.addressText(inet.getAddress()) + ")";
            }
            return Endpoints.describeHost(inet).replaceAll("^\\[(.*)]$", "$1");
        }
        return Endpoints.describe(address);
    }
}
