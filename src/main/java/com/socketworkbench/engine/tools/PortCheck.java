package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.text.DurationText;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Is anything listening on host:port? Opens a TCP connection (the full handshake) and closes it at once, on a
 * virtual thread of the resolver that looked the name up. Sends no payload.
 */
public final class PortCheck {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tools.tools");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    private static final AtomicLong THREAD_IDS = new AtomicLong();
    /** A name with many addresses is tried on at most this many, like a browser would. */
    private static final int MAX_ADDRESSES_TRIED = 4;

    public enum Status { OPEN, REFUSED, TIMED_OUT, UNKNOWN_HOST, UNREACHABLE, INVALID_INPUT, ERROR }

    /**
     * @param address the address tried last (the one that answered when open); null when the name did not resolve
     * @param elapsed for OPEN the time the handshake took, otherwise the time until the failure
     * @param message one line for the user, e.g. "Port 22 on 127.0.0.1 is open (connected in 0.4 ms)"
     */
    public record Result(String host, int port, Status status, InetSocketAddress address, Duration elapsed,
                         String message) {
    }

    private PortCheck() {
    }

    public static CompletableFuture<Result> check(String host, int port, Duration timeout) {
        return check(host, port, timeout, new Resolver());
    }

    /** With a given resolver (its name service decides how names are looked up). */
    public static CompletableFuture<Result> check(String host, int port, Duration timeout, Resolver resolver) {
        String name = host == null ? "" : host.strip();
        if (port < 1 || port > 65_535) {
            return CompletableFuture.completedFuture(new Result(name, port, Status.INVALID_INPUT, null, Duration.ZERO,
                    TEXT.get("check.error.port", port)));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            return CompletableFuture.completedFuture(new Result(name, port, Status.INVALID_INPUT, null, Duration.ZERO,
                    TEXT.get("check.error.timeout")));
        }
        long started = System.nanoTime();
        return resolver.resolve(name, timeout).thenCompose(resolution -> switch (resolution) {
            case Resolver.NotResolved failed -> CompletableFuture.completedFuture(new Result(name, port,
                    failed.problem() == Resolver.Problem.INVALID_INPUT ? Status.INVALID_INPUT : Status.UNKNOWN_HOST,
                    null, failed.elapsed(), failed.message()));
            case Resolver.Resolved resolved -> connect(resolver, name, port, resolved.addresses(),
                    timeout.minusNanos(System.nanoTime() - started), timeout);
        });
    }

    private static CompletableFuture<Result> connect(Resolver resolver, String host, int port,
                                                     List<Resolver.ResolvedAddress> addresses, Duration budget,
                                                     Duration timeout) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        resolver.threads().start("port-check-" + THREAD_IDS.incrementAndGet(), () -> {
            Result last = null;
            long deadline = System.nanoTime() + Math.max(budget.toNanos(), 1_000_000L);
            for (Resolver.ResolvedAddress candidate : addresses.stream().limit(MAX_ADDRESSES_TRIED).toList()) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis < 1) {
                    break;
                }
                last = attempt(host, port, candidate.inetAddress(), (int) Math.min(Integer.MAX_VALUE, remainingMillis),
                        timeout);
                if (last.status() == Status.OPEN) {
                    break;
                }
            }
            result.complete(last != null ? last : new Result(host, port, Status.TIMED_OUT, null, budget,
                    TEXT.get("check.noTimeLeft", host, port)));
        });
        return result;
    }

    /** {@code timeout} is the user's whole budget, named in messages; {@code timeoutMillis} is what is left of it. */
    private static Result attempt(String host, int port, InetAddress address, int timeoutMillis, Duration timeout) {
        InetSocketAddress target = new InetSocketAddress(address, port);
        String where = describe(address, port);
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(target, timeoutMillis);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Result(host, port, Status.OPEN, target, took, TEXT.get("check.open", port,
                    where(host, address), DurationText.of(took)));
        } catch (SocketTimeoutException e) {
            return new Result(host, port, Status.TIMED_OUT, target, since(started), TEXT.get("check.timedOut", where,
                    DurationText.of(timeout)));
        } catch (ConnectException e) {
            if (isRefused(e)) {
                return new Result(host, port, Status.REFUSED, target, since(started), TEXT.get("check.refused",
                        where));
            }
            return unreachableOrError(host, port, target, where, e, started);
        } catch (IOException e) {
            return unreachableOrError(host, port, target, where, e, started);
        }
    }

    private static Result unreachableOrError(String host, int port, InetSocketAddress target, String where,
                                             IOException e, long started) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof NoRouteToHostException || text.contains("unreachable") || text.contains("no route")) {
            return new Result(host, port, Status.UNREACHABLE, target, since(started), TEXT.get("check.unreachable",
                    where, e.getMessage()));
        }
        return new Result(host, port, Status.ERROR, target, since(started), TEXT.get("check.failed", where,
                e.getMessage()));
    }

    private static boolean isRefused(ConnectException e) {
        return e.getMessage() == null || e.getMessage().toLowerCase(Locale.ROOT).contains("refused");
    }

    private static String where(String host, InetAddress address) {
        String text = AddressConverter.canonical(address);
        return host.equalsIgnoreCase(text) ? text : TEXT.get("check.hostWithAddress", host, text);
    }

    private static String describe(InetAddress address, int port) {
        String text = AddressConverter.canonical(address);
        return (text.contains(":") ? "[" + text + "]" : text) + ":" + port;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
