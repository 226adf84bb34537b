package com.socketworkbench.engine.tools;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Name look-ups, normally the operating system's resolver (hosts file, then DNS, as /etc/nsswitch.conf says).
 * Replaceable so that tests never query a DNS server.
 */
public interface NameService {

    /** All addresses of a name, as {@code getaddrinfo} returns them. */
    InetAddress[] lookup(String host) throws UnknownHostException;

    /**
     * The name of an address (a PTR look-up confirmed by a forward look-up), or the address's own text when there is
     * none: {@link InetAddress#getCanonicalHostName()} semantics.
     */
    String reverseLookup(InetAddress address);

    static NameService system() {
        return new NameService() {
            @Override
            public InetAddress[] lookup(String host) throws UnknownHostException {
                return InetAddress.getAllByName(host);
            }

            @Override
            public String reverseLookup(InetAddress address) {
                return address.getCanonicalHostName();
            }
        };
    }
}
