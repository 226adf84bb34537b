package com.socketworkbench.engine.udp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Recognises IPv4 broadcast addresses before the kernel refuses them, so the user gets a precise message: the
 * limited broadcast 255.255.255.255, loopback's 127.255.255.255 (Linux routes it as broadcast but reports no
 * broadcast address for lo), and every interface's directed broadcast.
 */
final class BroadcastAddresses {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastAddresses.class);
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final InetAddress LIMITED = InetAddress.ofLiteral("255.255.255.255");
    private static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.255.255.255");

    private record Snapshot(Set<InetAddress> addresses, long takenNanos) {
    }

    // Enumerating interfaces costs about a millisecond; a burst of sends must not pay it every time.
    private static volatile Snapshot cache;

    private BroadcastAddresses() {
    }

    static boolean isBroadcast(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        return LIMITED.equals(address) || LOOPBACK.equals(address) || interfaceBroadcasts().contains(address);
    }

    static Set<InetAddress> interfaceBroadcasts() {
        Snapshot snapshot = cache;
        long now = System.nanoTime();
        if (snapshot == null || now - snapshot.takenNanos() > REFRESH_NANOS) {
            snapshot = new Snapshot(enumerate(), now);
            cache = snapshot;
        }
        return snapshot.addresses();
    }

    private static Set<InetAddress> enumerate() {
        Set<InetAddress> found = new HashSet<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress address : nif.getInterfaceAddresses()) {
                    if (address.getBroadcast() != null) {
                        found.add(address.getBroadcast());
                    }
                }
            }
        } catch (SocketException e) {
            LOG.debug("Could not list network interfaces for broadcast addresses", e);
        }
        return Set.copyOf(found);
    }
}
