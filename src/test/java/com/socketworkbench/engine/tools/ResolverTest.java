package com.socketworkbench.engine.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only "localhost" and address literals go to the real resolver (answered from the hosts file); everything that
 * could reach a DNS server uses a scripted name service.
 */
@Timeout(10)
class ResolverTest {

    /** A name service that must not be asked. */
    private static final NameService NEVER = new NameService() {
        @Override
        public InetAddress[] lookup(String host) {
            throw new AssertionError("looked up " + host);
        }

        @Override
        public String reverseLookup(InetAddress address) {
            throw new AssertionError("reverse looked up " + address);
        }
    };

    private static NameService failing(String message) {
        return new NameService() {
            @Override
            public InetAddress[] lookup(String host) throws UnknownHostException {
                throw new UnknownHostException(host + ": " + message);
            }

            @Override
            public String reverseLookup(InetAddress address) {
                return address.getHostAddress();
            }
        };
    }

    @Test
    void localhostResolvesToLoopbackAddresses() throws Exception {
        Resolver.Resolution r = new Resolver().resolve("localhost").get(6, TimeUnit.SECONDS);
        Resolver.Resolved resolved = assertInstanceOf(Resolver.Resolved.class, r);
        assertTrue(resolved.addresses().stream().allMatch(a -> a.inetAddress().isLoopbackAddress()),
                resolved.toString());
        assertTrue(resolved.addresses().stream().anyMatch(a -> a.address().equals("127.0.0.1")
                || a.address().equals("::1")), resolved.toString());
        assertTrue(resolved.summary().startsWith("localhost has "), resolved.summary());
    }

    @Test
    void literalsResolveToThemselves() throws Exception {
        Resolver.Resolved v6 = assertInstanceOf(Resolver.Resolved.class,
                new Resolver().resolve("[::1]").get(6, TimeUnit.SECONDS));
        assertEquals(List.of(new Resolver.ResolvedAddress("::1", "IPv6", InetAddress.getByName("::1"))),
                v6.addresses());
        assertEquals("::1 has 1 address (0 IPv4, 1 IPv6), found in", v6.summary().substring(0, 44));
    }

    @Test
    void reverseOf127001IsNamedLocallyOrExplained() throws Exception {
        Resolver.ReverseResolution r = new Resolver().reverse("127.0.0.1").get(6, TimeUnit.SECONDS);
        assertEquals("127.0.0.1", r.address());
        if (r.outcome() == Resolver.ReverseOutcome.NAME_FOUND) {
            assertTrue(r.name().startsWith("localhost"), r.name());
            assertEquals("127.0.0.1 is " + r.name(), r.message());
        } else {
            assertEquals(Resolver.ReverseOutcome.NO_NAME, r.outcome());
        }
    }

    @Test
    void dotInvalidIsUnknownWithoutAskingAnyone() throws Exception {
        Resolver.Resolution r = new Resolver(NEVER).resolve("nonexistent.invalid").get(1, TimeUnit.SECONDS);
        Resolver.NotResolved failed = assertInstanceOf(Resolver.NotResolved.class, r);
        assertEquals(Resolver.Problem.UNKNOWN_HOST, failed.problem());
        assertEquals("'nonexistent.invalid' does not exist: names ending in .invalid are reserved never to resolve"
                + " (RFC 6761), so no name server was asked", failed.message());
    }

    @Test
    void unknownHostAndResolverFailureAreExplained() throws Exception {
        Resolver.NotResolved unknown = assertInstanceOf(Resolver.NotResolved.class,
                new Resolver(failing("Name or service not known")).resolve("no-such-host.example")
                        .get(1, TimeUnit.SECONDS));
        assertEquals(Resolver.Problem.UNKNOWN_HOST, unknown.problem());
        assertEquals("Unknown host 'no-such-host.example': neither the hosts file nor DNS has an address for this"
                + " name. Check the spelling.", unknown.message());
        assertEquals("no-such-host.example: Name or service not known", unknown.detail());

        Resolver.NotResolved offline = assertInstanceOf(Resolver.NotResolved.class,
                new Resolver(failing("Temporary failure in name resolution")).resolve("example.org")
                        .get(1, TimeUnit.SECONDS));
        assertEquals(Resolver.Problem.RESOLVER_UNAVAILABLE, offline.problem());
    }

    @Test
    void aSlowLookupTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        NameService slow = new NameService() {
            @Override
            public InetAddress[] lookup(String host) throws UnknownHostException {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new UnknownHostException(host);
            }

            @Override
            public String reverseLookup(InetAddress address) {
                return lookupDelayed(release, address);
            }
        };
        try {
            Resolver resolver = new Resolver(slow);
            Resolver.NotResolved r = assertInstanceOf(Resolver.NotResolved.class,
                    resolver.resolve("slow.example", Duration.ofMillis(100)).get(2, TimeUnit.SECONDS));
            assertEquals(Resolver.Problem.TIMEOUT, r.problem());
            assertEquals("No answer for 'slow.example' within 100 ms: the name server is slow or unreachable",
                    r.message());
            Resolver.ReverseResolution rr = resolver.reverse("192.0.2.1", Duration.ofMillis(100))
                    .get(2, TimeUnit.SECONDS);
            assertEquals(Resolver.ReverseOutcome.TIMEOUT, rr.outcome());
            assertEquals(List.of("resolve-", "reverse-"), resolver.threads().live().stream()
                    .map(t -> t.getName().replaceAll("\\d+$", "")).sorted().toList(),
                    "the abandoned look-ups still run, tracked");
            release.countDown();
            assertTrue(resolver.threads().awaitTermination(Duration.ofSeconds(5)), "and end once answered");
        } finally {
            release.countDown();
        }
    }

    private static String lookupDelayed(CountDownLatch release, InetAddress address) {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return address.getHostAddress();
    }

    @Test
    void reverseWithoutPtrNameSaysSo() throws Exception {
        Resolver.ReverseResolution r = new Resolver(failing("unused")).reverse("192.0.2.1").get(1, TimeUnit.SECONDS);
        assertEquals(Resolver.ReverseOutcome.NO_NAME, r.outcome());
        assertNull(r.name());
        assertEquals("No name is registered for 192.0.2.1 (no PTR record, or its name does not lead back to the"
                + " address)", r.message());
    }

    @Test
    void invalidInputIsRefusedBeforeAnyLookup() throws Exception {
        Resolver resolver = new Resolver(NEVER);
        assertEquals("enter a host name or an IP address",
                resolver.resolve("  ").get(1, TimeUnit.SECONDS).summary());
        assertEquals("'bad host' contains a space; host names cannot",
                resolver.resolve("bad host").get(1, TimeUnit.SECONDS).summary());
        Resolver.ReverseResolution r = resolver.reverse("not-an-ip").get(1, TimeUnit.SECONDS);
        assertEquals(Resolver.ReverseOutcome.INVALID_INPUT, r.outcome());
        assertTrue(r.message().startsWith("'not-an-ip' is not an IP address"), r.message());
    }
}
