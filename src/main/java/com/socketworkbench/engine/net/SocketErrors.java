package com.socketworkbench.engine.net;

import com.socketworkbench.engine.text.Texts;
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
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.net.net");
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
                TEXT.get("error.connectTimeoutWithin", Endpoints.describe(remote), DurationText.of(timeout)),
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
            case CONNECTION_REFUSED -> TEXT.get("error.refused", Endpoints.describe(remote));
            case CONNECT_TIMEOUT -> TEXT.get("error.connectTimeout", Endpoints.describe(remote));
            case UNKNOWN_HOST -> TEXT.get("error.unknownHost", hostName(remote, t));
            case PORT_IN_USE -> TEXT.get("error.portInUse", port(local), hostLabel(local));
            case ADDRESS_NOT_AVAILABLE -> binding ? TEXT.get("error.addressNotAvailable.listen", hostLabel(local))
                    : TEXT.get("error.addressNotAvailable", phrase(action, subject));
            case PERMISSION_DENIED -> binding && port(local) > 0 && port(local) < FIRST_UNPRIVILEGED_PORT
                    ? TEXT.get("error.permission.privilegedPort", port(local), hostLabel(local))
                    : TEXT.get("error.permission", phrase(action, subject));
            case CONNECTION_RESET -> TEXT.get("error.reset", Endpoints.describe(remote));
            case BROKEN_PIPE -> TEXT.get("error.brokenPipe", Endpoints.describe(remote));
            case NETWORK_UNREACHABLE -> TEXT.get("error.unreachable", Endpoints.describe(remote));
            case INVALID_INPUT, INVALID_STATE, LIMIT_EXCEEDED, IO_ERROR -> TEXT.get("error.couldNot",
                    phrase(action, subject), t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        };
    }

    private static String phrase(Operation action, SocketAddress subject) {
        String where = Endpoints.describe(subject);
        return switch (action) {
            case CONNECT -> TEXT.get("action.connect", where);
            case START -> TEXT.get("action.listen", where);
            case ACCEPT -> TEXT.get("action.accept", where);
            case RECEIVE -> TEXT.get("action.receive", where);
            case SEND -> TEXT.get("action.send", where);
            case CLOSE -> TEXT.get("action.close", where);
            case OPTIONS -> TEXT.get("action.options", where);
            case MULTICAST -> TEXT.get("action.multicast", where);
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
                return TEXT.get("host.allInterfaces", Endpoints.addressText(inet.getAddress()));
            }
            return Endpoints.describeHost(inet).replaceAll("^\\[(.*)]$", "$1");
        }
        return Endpoints.describe(address);
    }
}
