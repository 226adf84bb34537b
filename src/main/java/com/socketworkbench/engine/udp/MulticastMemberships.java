package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.net.SocketErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.nio.channels.MembershipKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Joins and leaves multicast groups on the bound socket of a {@link UdpEndpoint}. The system's memberships live in its
 * {@link UdpSession}, so closing the socket leaves every group; the endpoint's groups outlive it, like its options,
 * and the next socket joins them again ({@link #rejoin}). Callers hold the endpoint's lock. Every refusal (not bound,
 * not a group address, the wrong family, no such interface, not a member, the system said no) is one MULTICAST
 * Failure, thrown on as the {@link SocketErrorException} that carries it.
 */
final class MulticastMemberships {
    private static final Logger LOG = LoggerFactory.getLogger(MulticastMemberships.class);

    private final UdpEvents events;
    private final UdpSettings settings;
    /** The endpoint's groups in join order: joined by the bound socket, or to be joined by the next one. */
    private final Set<MulticastMembership> groups = new LinkedHashSet<>();

    MulticastMemberships(UdpEvents events, UdpSettings settings) {
        this.events = events;
        this.settings = settings;
    }

    /** {@code s} is null when the endpoint is not bound. */
    void join(UdpSession s, String groupText, String interfaceName) throws SocketErrorException {
        InetAddress group = parse(s, groupText);
        if (s == null) {
            throw events.refused(null, null, Operation.MULTICAST, FailureKind.INVALID_STATE,
                    UdpText.TEXT.get("mc.start.first"));
        }
        if (s.family == StandardProtocolFamily.INET && group instanceof Inet6Address) {
            throw events.refused(s.local, null, Operation.MULTICAST, FailureKind.INVALID_INPUT,
                    UdpText.TEXT.get("mc.v6.on.v4", Endpoints.addressText(group), Endpoints.describe(s.local)));
        }
        NetworkInterface nif = chooseInterface(s, group, interfaceName);
        MulticastMembership membership = new MulticastMembership(group, nif.getName());
        if (s.memberships.containsKey(membership)) {
            return;
        }
        try {
            s.memberships.put(membership, s.channel.join(group, nif));
        } catch (IOException | RuntimeException e) {
            throw events.emitted(UdpErrors.failure(events.id, s.local, null, Operation.MULTICAST, FailureKind.IO_ERROR,
                    UdpText.TEXT.get("mc.join.failed", membership, e.getMessage()), e));
        }
        groups.add(membership);
        events.notice(s.local, null, UdpText.TEXT.get("mc.joined", membership, joinWarnings(s, group, nif)));
    }

    /**
     * Adds groups for the next socket to join (a new endpoint taking over the groups of one that was stopped).
     *
     * @throws IllegalStateException when {@code s}, the bound socket, is not null
     */
    void joinAtStart(UdpSession s, Collection<MulticastMembership> memberships) {
        if (s != null) {
            throw new IllegalStateException("Already bound to " + Endpoints.describe(s.local)
                    + "; join groups with joinGroup");
        }
        groups.addAll(memberships);
    }

    /**
     * Joins the endpoint's groups on a socket that was just bound, each on the interface it was joined on before,
     * with a Notice each. A group this socket cannot join (an IPv6 group on an IPv4 socket, an interface that is gone,
     * the system said no) is one MULTICAST Failure and is dropped from the endpoint's groups, so they stay what the
     * socket has joined.
     */
    void rejoin(UdpSession s) {
        for (MulticastMembership membership : List.copyOf(groups)) {
            String problem = rejoinProblem(s, membership);
            if (problem != null) {
                groups.remove(membership);
                events.emit(UdpErrors.failure(events.id, s.local, null, Operation.MULTICAST, FailureKind.INVALID_INPUT,
                        UdpText.TEXT.get("mc.rejoin.failed", membership, problem), null));
                continue;
            }
            try {
                NetworkInterface nif = NetworkInterface.getByName(membership.interfaceName());
                s.memberships.put(membership, s.channel.join(membership.group(), nif));
                events.notice(s.local, null, UdpText.TEXT.get("mc.rejoined", membership,
                        joinWarnings(s, membership.group(), nif)));
            } catch (IOException | RuntimeException e) {
                groups.remove(membership);
                events.emit(UdpErrors.failure(events.id, s.local, null, Operation.MULTICAST, FailureKind.IO_ERROR,
                        UdpText.TEXT.get("mc.rejoin.failed", membership, e.getMessage()), e));
            }
        }
    }

    private static String rejoinProblem(UdpSession s, MulticastMembership membership) {
        if (s.family == StandardProtocolFamily.INET && membership.group() instanceof Inet6Address) {
            return UdpText.TEXT.get("mc.rejoin.v6.on.v4", Endpoints.describe(s.local));
        }
        try {
            if (NetworkInterface.getByName(membership.interfaceName()) == null) {
                return UdpText.TEXT.get("mc.interface.gone", membership.interfaceName(),
                        MulticastGroups.availableNames());
            }
        } catch (IOException e) {
            return UdpText.TEXT.get("mc.interface.lookup", membership.interfaceName(), e.getMessage());
        }
        return null;
    }

    /**
     * Leaves {@code group} on one interface, or on every one when {@code interfaceName} is null; while not bound,
     * the next socket will not join it.
     */
    void leave(UdpSession s, String groupText, String interfaceName) throws SocketErrorException {
        InetAddress group = parse(s, groupText);
        String name = interfaceName == null || interfaceName.isBlank() ? null : interfaceName.strip();
        List<MulticastMembership> matching = new ArrayList<>();
        for (MulticastMembership membership : groups) {
            if (membership.group().equals(group) && (name == null || membership.interfaceName().equals(name))) {
                matching.add(membership);
            }
        }
        if (matching.isEmpty()) {
            throw events.refused(s == null ? null : s.local, null, Operation.MULTICAST, FailureKind.INVALID_STATE,
                    name == null ? UdpText.TEXT.get("mc.not.member", Endpoints.addressText(group))
                            : UdpText.TEXT.get("mc.not.member.on", Endpoints.addressText(group), name));
        }
        for (MulticastMembership membership : matching) {
            groups.remove(membership);
            MembershipKey key = s == null ? null : s.memberships.remove(membership);
            if (key != null) {
                key.drop();
                events.notice(s.local, null, UdpText.TEXT.get("mc.left", membership));
            } else {
                events.notice(null, null, UdpText.TEXT.get("mc.left.next", membership));
            }
        }
    }

    /** The bound socket's memberships in join order; empty when not bound. */
    static List<MulticastMembership> joined(UdpSession s) {
        return s == null ? List.of() : List.copyOf(s.memberships.keySet());
    }

    /** The endpoint's groups: joined by the bound socket, or to be joined when it starts. */
    List<MulticastMembership> groups() {
        return List.copyOf(groups);
    }

    private InetAddress parse(UdpSession s, String groupText) throws SocketErrorException {
        try {
            return MulticastGroups.parseGroup(groupText);
        } catch (IllegalArgumentException e) {
            throw events.refused(s == null ? null : s.local, null, Operation.MULTICAST, FailureKind.INVALID_INPUT,
                    e.getMessage());
        }
    }

    private NetworkInterface chooseInterface(UdpSession s, InetAddress group, String interfaceName)
            throws SocketErrorException {
        String name = interfaceName == null || interfaceName.isBlank() ? settings.multicastInterface() : interfaceName;
        try {
            return name != null ? MulticastGroups.interfaceNamed(name) : MulticastGroups.defaultInterface(group);
        } catch (IllegalArgumentException e) {
            throw events.refused(s.local, null, Operation.MULTICAST, FailureKind.INVALID_INPUT, e.getMessage());
        } catch (IOException e) {
            throw events.emitted(UdpErrors.failure(events.id, s.local, null, Operation.MULTICAST, FailureKind.IO_ERROR,
                    UdpText.TEXT.get("mc.cannot.list", Endpoints.addressText(group), Endpoints.describe(s.local),
                            e.getMessage()), e));
        }
    }

    private static String joinWarnings(UdpSession s, InetAddress group, NetworkInterface nif) {
        StringBuilder warnings = new StringBuilder();
        InetAddress bound = s.local.getAddress();
        if (!bound.isAnyLocalAddress() && !bound.equals(group)) {
            warnings.append(UdpText.TEXT.get("mc.warn.bound", Endpoints.addressText(bound),
                    s.family == StandardProtocolFamily.INET6 ? "::" : "0.0.0.0"));
        }
        try {
            if (!nif.supportsMulticast()) {
                warnings.append(UdpText.TEXT.get("mc.warn.not.capable", nif.getName()));

            }
        } catch (IOException e) {
            LOG.debug("Cannot read the flags of {}", nif.getName(), e);
        }
        return warnings.toString();
    }
}
