package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * A one-off look at a TCP relay's target when it starts. The relay itself connects per pair and reports a refusal
 * only when a client arrives; a typo in the target port would go unnoticed until then. The look is advice, not a
 * condition: the relay starts either way (the server may come up later). It emits no event, so the timeline holds
 * only real traffic; the caller says what it found.
 *
 * <p>A target on this machine is looked at without connecting: a socket is bound to its address and port (never
 * listening) and let go at once; when that works, nothing holds the port, so nothing listens there. A connection
 * would use up a one-shot server such as {@code nc -l}, which then refuses the real client. A target elsewhere gets
 * one connect with a short timeout, closed at once before anything is sent.
 */
public final class TargetProbe {
    private static final Logger LOG = LoggerFactory.getLogger(TargetProbe.class);
    /** Long enough for any loopback or LAN answer, short enough not to keep the user's note waiting. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private TargetProbe() {
    }

    /**
     * Looks at {@code host:port} once (blocking, at most {@code timeout} plus a name look-up).
     *
     * @return empty when something listens there (or may: a port this machine holds for anything); else the engine's
     * {@link Failure} (kind and plain words: refused, timed out, unknown host, unreachable), emitted nowhere
     */
    public static Optional<Failure> check(String host, int port, Duration timeout) {
        InetSocketAddress target = new InetSocketAddress(host, port);
        try {
            if (target.isUnresolved()) {
                throw new UnknownHostException(host);
            }
            if (isLocal(target.getAddress())) {
                return nothingHolds(target) ? Optional.of(SocketErrors.toFailure(
                        new ConnectException("Connection refused"), Operation.CONNECT, 0, null, target))
                        : Optional.empty();
            }
            try (Socket socket = new Socket()) {
                socket.connect(target, (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE));
            }
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            LOG.debug("relay target probe of {}:{}: no answer within {}", host, port, timeout);
            return Optional.of(SocketErrors.connectTimeout(0, null, target, timeout, e));
        } catch (IOException | RuntimeException e) {
            LOG.debug("relay target probe of {}:{} failed: {}", host, port, e.toString());
            return Optional.of(SocketErrors.toFailure(e, Operation.CONNECT, 0, null, target));
        }
    }

    private static boolean isLocal(InetAddress address) throws SocketException {
        return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
    }

    /**
     * True when a socket could take {@code target}'s address and port, so no listener holds it. Without
     * SO_REUSEADDR, so it can never share a port with a listener (on any system); a port some other socket holds
     * (a connection's end, TIME_WAIT) reads as held: no hint, never a false one.
     */
    private static boolean nothingHolds(InetSocketAddress target) {
        try (Socket socket = new Socket()) {
            socket.setReuseAddress(false);
            socket.bind(target);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
