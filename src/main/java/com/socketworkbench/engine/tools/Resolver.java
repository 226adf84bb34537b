package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.text.DurationText;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Looks names up (gethostbyname / getaddrinfo) and addresses back (gethostbyaddr), each on its own virtual thread
 * with a timeout. The futures always complete normally with a result that explains failures.
 *
 * <p>The operating system's resolver cannot be interrupted: after a timeout its thread finishes in the background
 * when the resolver gives up (typically within its own DNS timeout) and the late answer is ignored. The look-up
 * threads of a resolver, and those of the {@link PortCheck} and {@link HostInfo} calls given it, are tracked in one
 * {@link EngineThreads}.
 */
public final class Resolver {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tools.tools");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final AtomicLong THREAD_IDS = new AtomicLong();

    private final NameService names;
    private final EngineThreads threads = new EngineThreads();

    public Resolver() {
        this(NameService.system());
    }

    public Resolver(NameService names) {
        this.names = names;
    }

    /** One address of a name. @param family "IPv4" or "IPv6" */
    public record ResolvedAddress(String address, String family, InetAddress inetAddress) {
        static ResolvedAddress of(InetAddress a) {
            return new ResolvedAddress(AddressConverter.canonical(a), a instanceof Inet4Address ? "IPv4" : "IPv6", a);
        }
    }

    /** The outcome of a forward look-up. */
    public sealed interface Resolution {
        String query();

        Duration elapsed();

        /** One line for the user. */
        String summary();
    }

    /** The name has these addresses, in the order the resolver returned them (the order connect() tries). */
    public record Resolved(String query, List<ResolvedAddress> addresses, Duration elapsed) implements Resolution {
        public Resolved {
            addresses = List.copyOf(addresses);
        }

        @Override
        public String summary() {
            long v4 = addresses.stream().filter(a -> a.family().equals("IPv4")).count();
            long v6 = addresses.size() - v4;
            return TEXT.get(addresses.size() == 1 ? "resolve.found.one" : "resolve.found.other", query,
                    addresses.size(), v4, v6, DurationText.of(elapsed));
        }
    }

    public enum Problem { UNKNOWN_HOST, TIMEOUT, INVALID_INPUT, RESOLVER_UNAVAILABLE }

    /** No addresses; {@code message} says why in plain words, {@code detail} is the resolver's own text or null. */
    public record NotResolved(String query, Problem problem, String message, String detail, Duration elapsed)
            implements Resolution {
        @Override
        public String summary() {
            return message;
        }
    }

    public enum ReverseOutcome { NAME_FOUND, NO_NAME, TIMEOUT, INVALID_INPUT }

    /**
     * The outcome of a reverse look-up.
     *
     * @param name    the host name, or null when there is none
     * @param message one line for the user
     */
    public record ReverseResolution(String address, String name, ReverseOutcome outcome, String message,
                                    Duration elapsed) {
    }

    public CompletableFuture<Resolution> resolve(String name) {
        return resolve(name, DEFAULT_TIMEOUT);
    }

    /** All IPv4 and IPv6 addresses of {@code name}; completes within {@code timeout}. */
    public CompletableFuture<Resolution> resolve(String name, Duration timeout) {
        String query = name == null ? "" : name.strip();
        if (query.startsWith("[") && query.endsWith("]")) {
            query = query.substring(1, query.length() - 1);
        }
        String invalid = invalidName(query);
        if (invalid != null) {
            return CompletableFuture.completedFuture(
                    new NotResolved(query, Problem.INVALID_INPUT, invalid, null, Duration.ZERO));
        }
        if (isUnderInvalid(query)) {
            return CompletableFuture.completedFuture(new NotResolved(query, Problem.UNKNOWN_HOST,
                    TEXT.get("resolve.invalidTld", query), null, Duration.ZERO));
        }
        String host = query;
        long started = System.nanoTime();
        CompletableFuture<Resolution> result = new CompletableFuture<>();
        threads.start("resolve-" + THREAD_IDS.incrementAndGet(), () -> {
            try {
                InetAddress[] found = names.lookup(host);
                result.complete(new Resolved(host, Arrays.stream(found).map(ResolvedAddress::of).toList(),
                        since(started)));
            } catch (UnknownHostException e) {
                result.complete(unknownHost(host, e, since(started)));
            } catch (RuntimeException e) {
                result.complete(new NotResolved(host, Problem.RESOLVER_UNAVAILABLE,
                        TEXT.get("resolve.failed", host, e.getMessage()), e.toString(), since(started)));
            }
        });
        return result.completeOnTimeout(new NotResolved(host, Problem.TIMEOUT, TEXT.get("resolve.timeout", host,
                DurationText.of(timeout)), null, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public CompletableFuture<ReverseResolution> reverse(String address) {
        return reverse(address, DEFAULT_TIMEOUT);
    }

    /**
     * The host name registered for an address literal (gethostbyaddr); no forward look-up of the input happens.
     */
    public CompletableFuture<ReverseResolution> reverse(String address, Duration timeout) {
        String text = address == null ? "" : address.strip();
        InetAddress literal;
        try {
            literal = AddressConverter.toInetAddress(text.startsWith("[") && text.endsWith("]")
                    ? text.substring(1, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new ReverseResolution(text, null, ReverseOutcome.INVALID_INPUT,
                    e.getMessage(), Duration.ZERO));
        }
        String shown = AddressConverter.canonical(literal);
        long started = System.nanoTime();
        CompletableFuture<ReverseResolution> result = new CompletableFuture<>();
        threads.start("reverse-" + THREAD_IDS.incrementAndGet(), () -> {
            String name;
            try {
                name = names.reverseLookup(literal);
            } catch (RuntimeException e) {
                name = null;
            }
            Duration took = since(started);
            if (name == null || name.equals(literal.getHostAddress()) || name.equals(shown)) {
                result.complete(new ReverseResolution(shown, null, ReverseOutcome.NO_NAME,
                        TEXT.get("reverse.noName", shown), took));
            } else {
                result.complete(new ReverseResolution(shown, name, ReverseOutcome.NAME_FOUND,
                        TEXT.get("reverse.found", shown, name), took));
            }
        });
        return result.completeOnTimeout(new ReverseResolution(shown, null, ReverseOutcome.TIMEOUT,
                TEXT.get("reverse.timeout", shown, DurationText.of(timeout)), timeout), timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Where the look-ups of this resolver and of the tools that use it start their threads. */
    EngineThreads threads() {
        return threads;
    }

    private static NotResolved unknownHost(String host, UnknownHostException e, Duration took) {
        String detail = e.getMessage();
        if (detail != null && detail.toLowerCase(Locale.ROOT).contains("temporary failure")) {
            return new NotResolved(host, Problem.RESOLVER_UNAVAILABLE, TEXT.get("resolve.noServer", host),
                    detail, took);
        }
        return new NotResolved(host, Problem.UNKNOWN_HOST, TEXT.get("resolve.unknownHost", host), detail, took);
    }

    /** A user message when the text cannot be a host name or address, else null. */
    static String invalidName(String name) {
        if (name.isEmpty()) {
            return TEXT.get("resolve.error.empty");
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            return TEXT.get("resolve.error.space", name);
        }
        if (name.length() > 253) {
            return TEXT.get("resolve.error.tooLong", name.substring(0, 20), name.length());
        }
        if (!name.contains(":")) {
            for (String label : name.split("\\.")) {
                if (label.length() > 63) {
                    return TEXT.get("resolve.error.labelTooLong", label.substring(0, 20));
                }
            }
        }
        return null;
    }

    static boolean isUnderInvalid(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return lower.equals("invalid") || lower.endsWith(".invalid");
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
