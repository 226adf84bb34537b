package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrors;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.time.Instant;
import java.util.Locale;

/** Turns socket exceptions into {@link Failure} events with a message a user can act on. */
final class UdpErrors {

    private UdpErrors() {
    }

    static Failure failure(long id, InetSocketAddress local, InetSocketAddress remote, Operation operation,
                           FailureKind kind, String message, Throwable cause) {
        return new Failure(Instant.now(), id, local, remote, operation, kind, message, technical(cause));
    }

    static Failure bindFailure(long id, InetSocketAddress requested, boolean reuseAddress, Throwable e) {
        String where = "UDP port " + requested.getPort() + " on " + Endpoints.addressText(requested.getAddress());
        String text = lower(e);
        if (text.contains("address already in use")) {
            String inUse = where.substring(0, 1).toUpperCase(Locale.ROOT) + where.substring(1)
                    + " is already in use by another program";
            return failure(id, requested, null, Operation.START, FailureKind.PORT_IN_USE, inUse + (reuseAddress
                    ? "; Reuse address (SO_REUSEADDR) is on here, but the socket holding the port does not share it"
                    : "; to bind it too, turn on Reuse address (SO_REUSEADDR) here and on the socket holding it"), e);
        }
        if (text.contains("cannot assign requested address")) {
            return failure(id, requested, null, Operation.START, FailureKind.ADDRESS_NOT_AVAILABLE,
                    Endpoints.addressText(requested.getAddress()) + " is not an address of this computer, so UDP port "
                            + requested.getPort() + " cannot be bound on it", e);
        }
        if (text.contains("permission denied") || text.contains("operation not permitted")) {
            String hint = requested.getPort() > 0 && requested.getPort() < 1024
                    ? " (ports below 1024 need administrator rights)" : "";
            return failure(id, requested, null, Operation.START, FailureKind.PERMISSION_DENIED,
                    "The system does not allow binding " + where + hint, e);
        }
        if (text.contains("address family not supported") || text.contains("protocol family unavailable")) {
            return failure(id, requested, null, Operation.START, FailureKind.ADDRESS_NOT_AVAILABLE,
                    "This computer has no IPv6 support, so " + where + " cannot be bound", e);
        }
        return failure(id, requested, null, Operation.START, FailureKind.IO_ERROR,
                "Could not bind " + where + ": " + e.getMessage(), e);
    }

    static Failure unknownHost(long id, InetSocketAddress local, String host, Operation operation, Throwable e) {
        return failure(id, local, null, operation, FailureKind.UNKNOWN_HOST,
                "Cannot resolve host '" + host + "' to an address", e);
    }

    static String broadcastNeedsOption(InetSocketAddress target) {
        return "Sending to the broadcast address " + Endpoints.addressText(target.getAddress())
                + " needs the Broadcast option (SO_BROADCAST)";
    }

    static String portUnreachable(InetSocketAddress peer) {
        if (peer == null) {
            return "ICMP port unreachable: nothing was listening where an earlier datagram went";
        }
        return "ICMP port unreachable: nothing is listening on " + Endpoints.describe(peer)
                + " (reported for the previous datagram)";
    }

    static Failure sendFailure(long id, InetSocketAddress local, InetSocketAddress target, Operation operation,
                               boolean broadcastOn, IOException e) {
        String to = Endpoints.describe(target);
        String text = lower(e);
        if (e instanceof PortUnreachableException) {
            return failure(id, local, target, operation, FailureKind.CONNECTION_REFUSED, portUnreachable(target), e);
        }
        if (text.contains("permission denied")) {
            // Linux answers EACCES for a broadcast destination without SO_BROADCAST; Java reports it as a
            // BindException, which would otherwise read as a bind problem.
            if (!broadcastOn && target.getAddress() instanceof Inet4Address) {
                return failure(id, local, target, operation, FailureKind.INVALID_INPUT, broadcastNeedsOption(target),
                        e);
            }
            return failure(id, local, target, operation, FailureKind.PERMISSION_DENIED,
                    "The system refused to send to " + to + " (permission denied)", e);
        }
        if (text.contains("operation not permitted")) {
            return failure(id, local, target, operation, FailureKind.PERMISSION_DENIED,
                    "The system refused to send to " + to + " (operation not permitted; a firewall rule may block it)",
                    e);
        }
        if (e instanceof NoRouteToHostException || text.contains("network is unreachable")
                || text.contains("no route to host")) {
            return failure(id, local, target, operation, FailureKind.NETWORK_UNREACHABLE,
                    "Cannot send to " + to + ": no route to that network", e);
        }
        if (text.contains("cannot assign requested address")) {
            return failure(id, local, target, operation, FailureKind.ADDRESS_NOT_AVAILABLE,
                    "Cannot send to " + to + ": the system has no usable source address for it (the network "
                            + "interface may still be coming up, or the socket is bound to an address of another "
                            + "interface)", e);
        }
        if (text.contains("message too long")) {
            return failure(id, local, target, operation, FailureKind.LIMIT_EXCEEDED,
                    "Not sent: the datagram is too large for the path to " + to + " (message too long)", e);
        }
        if (text.contains("invalid argument")) {
            return failure(id, local, target, operation, FailureKind.INVALID_INPUT,
                    "The system cannot send to " + to + " from " + Endpoints.describe(local)
                            + " (invalid argument), e.g. because the two are of different kinds", e);
        }
        return failure(id, local, target, operation, FailureKind.IO_ERROR,
                "Sending to " + to + " failed: " + e.getMessage(), e);
    }

    private static String lower(Throwable e) {
        String message = e.getMessage();
        return message == null ? "" : message.toLowerCase(Locale.ROOT);
    }

    private static String technical(Throwable e) {
        if (e == null) {
            return "";
        }
        return SocketErrors.technicalDetail(e);
    }
}
