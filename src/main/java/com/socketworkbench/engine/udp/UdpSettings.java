package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketOption;
import java.net.StandardSocketOptions;

/**
 * The options of one {@link UdpEndpoint} that outlive its socket: SO_BROADCAST, the receive limit and the multicast
 * TTL, loopback and interface. Each setter applies at once to the bound socket, if any; {@link #applyTo} gives a new
 * socket all of them. A value out of range or an unknown interface is reported as a Failure (INVALID_INPUT) and the
 * setting stays as it was; a refusal by the system is reported as a Failure, and the setting is still kept for the
 * next socket. Broadcast and the receive limit fail as OPTIONS, the multicast settings as MULTICAST.
 */
final class UdpSettings {
    private final UdpEvents events;
    private volatile boolean broadcast;
    private volatile int maxDatagramSize = UdpLimits.MAX_DATAGRAM_SIZE;
    private volatile int multicastTtl = 1;
    private volatile boolean multicastLoopback = true;
    private volatile String multicastInterface;

    UdpSettings(UdpEvents events, boolean broadcast) {
        this.events = events;
        this.broadcast = broadcast;
    }

    /** Everything set so far, on a socket that was just bound. */
    void applyTo(UdpSession session) {
        set(session, Operation.OPTIONS, StandardSocketOptions.SO_BROADCAST, broadcast, UdpText.TEXT.get("what.broadcast"));
        set(session, Operation.MULTICAST, StandardSocketOptions.IP_MULTICAST_TTL, multicastTtl, UdpText.TEXT.get("what.ttl"));
        set(session, Operation.MULTICAST, StandardSocketOptions.IP_MULTICAST_LOOP, multicastLoopback,
                UdpText.TEXT.get("what.loopback"));
        String name = multicastInterface;
        if (name != null) {
            applyMulticastInterface(session, name);
        }
    }

    void setBroadcast(boolean on, UdpSession session) {
        broadcast = on;
        if (session != null) {
            set(session, Operation.OPTIONS, StandardSocketOptions.SO_BROADCAST, on, UdpText.TEXT.get("what.broadcast"));
        }
    }

    boolean broadcast() {
        return broadcast;
    }

    /** False (after the Failure) when {@code bytes} is not 1 to 65,535. */
    boolean setMaxDatagramSize(int bytes, UdpSession session) {
        if (bytes < 1 || bytes > UdpLimits.MAX_DATAGRAM_SIZE) {
            return rejected(session, Operation.OPTIONS, UdpText.TEXT.get("limit.range", bytes));
        }
        maxDatagramSize = bytes;
        return true;
    }

    int maxDatagramSize() {
        return maxDatagramSize;
    }

    /** False (after the Failure) when {@code ttl} is not 0 to 255. */
    boolean setMulticastTtl(int ttl, UdpSession session) {
        if (ttl < 0 || ttl > 255) {
            return rejected(session, Operation.MULTICAST, UdpText.TEXT.get("ttl.range", ttl));
        }
        multicastTtl = ttl;
        if (session != null) {
            set(session, Operation.MULTICAST, StandardSocketOptions.IP_MULTICAST_TTL, ttl, UdpText.TEXT.get("what.ttl"));
        }
        return true;
    }

    int multicastTtl() {
        return multicastTtl;
    }

    void setMulticastLoopback(boolean on, UdpSession session) {
        multicastLoopback = on;
        if (session != null) {
            set(session, Operation.MULTICAST, StandardSocketOptions.IP_MULTICAST_LOOP, on, UdpText.TEXT.get("what.loopback"));
        }
    }

    boolean multicastLoopback() {
        return multicastLoopback;
    }

    /** False (after the Failure) when no interface has that name, or the interfaces cannot be listed. */
    boolean setMulticastInterface(String interfaceName, UdpSession session) {
        if (interfaceName == null || interfaceName.isBlank()) {
            boolean wasSet = multicastInterface != null;
            multicastInterface = null;
            if (wasSet && session != null) {
                events.notice(session.local, null,
                        UdpText.TEXT.get("interface.reset"));
            }
            return true;
        }
        String name;
        try {
            name = MulticastGroups.interfaceNamed(interfaceName).getName();
        } catch (IllegalArgumentException e) {
            return rejected(session, Operation.MULTICAST, e.getMessage());
        } catch (IOException e) {
            events.emit(UdpErrors.failure(events.id, local(session), null, Operation.MULTICAST, FailureKind.IO_ERROR,
                    UdpText.TEXT.get("interface.lookup", interfaceName, e.getMessage()), e));
            return false;
        }
        multicastInterface = name;
        if (session != null) {
            applyMulticastInterface(session, name);
        }
        return true;
    }

    String multicastInterface() {
        return multicastInterface;
    }

    private boolean rejected(UdpSession session, Operation operation, String message) {
        events.refused(local(session), null, operation, FailureKind.INVALID_INPUT, message);
        return false;
    }

    private static InetSocketAddress local(UdpSession session) {
        return session == null ? null : session.local;
    }

    private <T> void set(UdpSession session, Operation operation, SocketOption<T> option, T value, String what) {
        try {
            session.channel.setOption(option, value);
        } catch (IOException | RuntimeException e) {
            if (!session.stopping) {
                events.emit(UdpErrors.failure(events.id, session.local, null, operation, FailureKind.IO_ERROR,
                        UdpText.TEXT.get("set.failed", what, value, e.getMessage()), e));
            }
        }
    }

    private void applyMulticastInterface(UdpSession session, String name) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(name);
            if (nif == null) {
                events.emit(UdpErrors.failure(events.id, session.local, null, Operation.MULTICAST,
                        FailureKind.INVALID_INPUT, UdpText.TEXT.get("interface.gone", name,
                                MulticastGroups.availableNames()), null));
                return;
            }
            session.channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
        } catch (IOException | RuntimeException e) {
            events.emit(UdpErrors.failure(events.id, session.local, null, Operation.MULTICAST, FailureKind.IO_ERROR,
                    UdpText.TEXT.get("interface.send.failed", name, e.getMessage()), e));

        }
    }
}
