package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.SocketErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * A one-off look at a TCP relay's target when it starts: one connect with a short timeout, closed at once. The relay
 * itself connects per pair and reports a refusal only when a client arrives; a typo in the target port would go
 * unnoticed until then. The look is advice, not a condition: the relay starts either way (the server may come up
 * later). It emits no event, so the timeline holds only real traffic; the caller says what it found.
 */
public final class TargetProbe {
    private static final Logger LOG = LoggerFactory.getLogger(TargetProbe.class);
    /** Long enough for any loopback or LAN answer, short enough not to keep the user's note waiting. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private TargetProbe() {
    }

    /**
     * Connects to {@code host:port} once (blocking, at most {@code timeout} plus a name look-up) and closes the
     * connection at once.
     *
     * @return empty when something accepted the connection; else the engine's {@link Failure} for it (kind and plain
     * words: refused, timed out, unknown host, unreachable), which is not emitted anywhere
     */
    public static Optional<Failure> check(String host, int port, Duration timeout) {
        InetSocketAddress target = new InetSocketAddress(host, port);
        try (Socket socket = new Socket()) {
            if (target.isUnresolved()) {
                throw new UnknownHostException(host);
            }
            socket.connect(target, (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE));
            return Optional.empty();
        } catch (SocketTimeoutException e) {
            LOG.debug("relay target probe of {}:{}: no answer within {}", host, port, timeout);
            return Optional.of(SocketErrors.connectTimeout(0, null, target, timeout, e));
        } catch (IOException | RuntimeException e) {
            LOG.debug("relay target probe of {}:{} failed: {}", host, port, e.toString());
            return Optional.of(SocketErrors.toFailure(e, Operation.CONNECT, 0, null, target));
        }
    }
}
