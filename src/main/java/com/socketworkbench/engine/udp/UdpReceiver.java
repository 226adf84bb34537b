package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.FailureKind;
import com.socketworkbench.engine.event.Operation;
import com.socketworkbench.engine.net.Endpoints;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The receive loop of one bound {@link UdpSession}: one BytesReceived per datagram, cut to the receive limit and
 * flagged when it was larger. It waits in a selector rather than in a blocking receive, which would hold the
 * channel's read lock that {@code DatagramChannel.connect} needs too.
 */
final class UdpReceiver implements Runnable {
    private static final int MAX_CONSECUTIVE_ERRORS = 20;

    private final UdpSession session;
    private final UdpSettings settings;
    private final UdpCounters counters;
    private final UdpEvents events;
    private final Consumer<String> giveUp;

    /** @param giveUp releases the socket when receiving keeps failing; called with the reason, on this thread */
    UdpReceiver(UdpSession session, UdpSettings settings, UdpCounters counters, UdpEvents events,
                Consumer<String> giveUp) {
        this.session = session;
        this.settings = settings;
        this.counters = counters;
        this.events = events;
        this.giveUp = giveUp;
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(settings.maxDatagramSize() + 1);
        int consecutiveErrors = 0;
        while (!session.stopping) {
            try {
                session.readSelector.select();
                session.readSelector.selectedKeys().clear();
                buffer = drain(buffer);
                consecutiveErrors = 0;
            } catch (PortUnreachableException e) {
                // The kernel keeps the ICMP error of an earlier datagram and hands it to the next receive.
                InetSocketAddress peer = (InetSocketAddress) session.remote();
                events.emit(UdpErrors.failure(events.id, session.local, peer, Operation.RECEIVE,
                        FailureKind.CONNECTION_REFUSED, UdpErrors.portUnreachable(peer), e));
            } catch (ClosedChannelException | ClosedSelectorException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (session.stopping) {
                    break;
                }
                events.emit(UdpErrors.failure(events.id, session.local, null, Operation.RECEIVE, FailureKind.IO_ERROR,
                        UdpText.TEXT.get("receive.failed", Endpoints.describe(session.local), e.getMessage()), e));
                if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
                    giveUp.accept(UdpText.TEXT.get("detail.receive.failed"));

                    break;
                }
            }
        }
    }

    /** Reads every datagram that is queued now; returns the buffer to keep using. */
    private ByteBuffer drain(ByteBuffer buffer) throws IOException {
        while (!session.stopping) {
            int limit = settings.maxDatagramSize();
            if (buffer.capacity() != limit + 1) {
                buffer = ByteBuffer.allocateDirect(limit + 1);
            }
            buffer.clear();
            // One byte more than the limit: the kernel silently cuts a datagram to the buffer, so a full buffer is
            // the only sign that the datagram was larger than the limit.
            SocketAddress source = session.channel.receive(buffer);
            if (source == null) {
                return buffer;
            }
            buffer.flip();
            boolean truncated = buffer.remaining() > limit;
            byte[] data = new byte[truncated ? limit : buffer.remaining()];
            buffer.get(data);
            counters.received(data.length, truncated);
            events.emit(new BytesReceived(Instant.now(), events.id, session.local, source, data, 1, truncated));
        }
        return buffer;
    }
}
