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
        String address = Endpoints.addressText(requested.getAddress());
        String where = UdpText.TEXT.get("where", requested.getPort(), address);
        String text = lower(e);
        if (text.contains("address already in use")) {
            String inUse = UdpText.TEXT.get("bind.in.use", requested.getPort(), address);
            return failure(id, requested, null, Operation.START, FailureKind.PORT_IN_USE, inUse
                    + UdpText.TEXT.get(reuseAddress ? "bind.in.use.reuse.on" : "bind.in.use.reuse.off"), e);
        }
        if (text.contains("cannot assign requested address")) {
            return failure(id, requested, null, Operation.START, FailureKind.ADDRESS_NOT_AVAILABLE,
                    UdpText.TEXT.get("bind.not.local", address, requested.getPort()), e);
        }
        if (text.contains("permission denied") || text.contains("operation not permitted")) {
            boolean lowPort = requested.getPort() > 0 && requested.getPort() < 1024;
            return failure(id, requested, null, Operation.START, FailureKind.PERMISSION_DENIED,
                    UdpText.TEXT.get(lowPort ? "bind.not.allowed.low.port" : "bind.not.allowed", where), e);
        }
        if (text.contains("address family not supported") || text.contains("protocol family unavailable")) {
            return failure(id, requested, null, Operation.START, FailureKind.ADDRESS_NOT_AVAILABLE,
                    UdpText.TEXT.get("bind.no.ipv6", where), e);
        }
        return failure(id, requested, null, Operation.START, FailureKind.IO_ERROR,
                UdpText.TEXT.get("bind.failed", where, e.getMessage()), e);
    }

    static Failure unknownHost(long id, InetSocketAddress local, String host, Operation operation, Throwable e) {
        return failure(id, local, null, operation, FailureKind.UNKNOWN_HOST,
                UdpText.TEXT.get("unknown.host", host), e);
    }

    static String broadcastNeedsOption(InetSocketAddress target) {
        return UdpText.TEXT.get("broadcast.needs.option", Endpoints.addressText(target.getAddress()));
    }

    static String portUnreachable(InetSocketAddress peer) {
        if (peer == null) {
            return UdpText.TEXT.get("unreachable.earlier");
        }
        return UdpText.TEXT.get("unreachable.peer", Endpoints.describe(peer));
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
                    UdpText.TEXT.get("send.permission", to), e);
        }
        if (text.contains("operation not permitted")) {
            return failure(id, local, target, operation, FailureKind.PERMISSION_DENIED,
                    UdpText.TEXT.get("send.not.permitted", to), e);
        }
        if (e instanceof NoRouteToHostException || text.contains("network is unreachable")
                || text.contains("no route to host")) {
            return failure(id, local, target, operation, FailureKind.NETWORK_UNREACHABLE,
                    UdpText.TEXT.get("send.no.route", to), e);
        }
        if (text.contains("cannot assign requested address")) {
            return failure(id, local, target, operation, FailureKind.ADDRESS_NOT_AVAILABLE,
                    UdpText.TEXT.get("send.no.source", to), e);
        }
        if (text.contains("message too long")) {
            return failure(id, local, target, operation, FailureKind.LIMIT_EXCEEDED,
                    UdpText.TEXT.get("send.too.long", to), e);
        }
        if (text.contains("invalid argument")) {
            return failure(id, local, target, operation, FailureKind.INVALID_INPUT,
                    UdpText.TEXT.get("send.invalid", to, Endpoints.describe(local)), e);
        }
        return failure(id, local, target, operation, FailureKind.IO_ERROR,
                UdpText.TEXT.get("send.failed", to, e.getMessage()), e);

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
