package com.socketworkbench.reliability;

import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.event.BytesSent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An event sink for bulk transfers: hashes each connection's received bytes in arrival order and keeps no payload.
 * Every other event (they are small) is kept for assertions. The engine emits one connection's data from that
 * connection's single reader thread, so each digest is updated by one thread at a time.
 */
final class HashingSink implements EventSink {

    private static final class Stream {
        private final MessageDigest digest = sha256();
        private volatile long bytes;
        private volatile long frames;
    }

    private final Map<Long, Stream> streams = new ConcurrentHashMap<>();
    private final List<NetEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(NetEvent event) {
        switch (event) {
            case BytesReceived received -> {
                Stream stream = streams.computeIfAbsent(received.connectionId(), id -> new Stream());
                stream.digest.update(received.data());
                stream.bytes += received.data().length;
                stream.frames++;
            }
            case BytesSent ignored -> {
                // Counted by the engine itself; holding the payload would defeat the purpose.
            }
            default -> events.add(event);
        }
    }

    long receivedBytes(long connectionId) {
        Stream stream = streams.get(connectionId);
        return stream == null ? 0 : stream.bytes;
    }

    long receivedFrames(long connectionId) {
        Stream stream = streams.get(connectionId);
        return stream == null ? 0 : stream.frames;
    }

    /** The SHA-256 of everything received on the connection so far; call once the transfer is complete. */
    byte[] receivedDigest(long connectionId) {
        Stream stream = streams.get(connectionId);
        try {
            return stream == null ? sha256().digest() : ((MessageDigest) stream.digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError("SHA-256 digests are cloneable", e);
        }
    }

    <T extends NetEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends NetEvent> List<T> of(Class<T> type, Predicate<? super T> condition) {
        return of(type).stream().filter(condition).toList();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
