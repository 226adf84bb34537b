package com.socketworkbench.engine.tcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * A Unix domain channel in non-blocking mode, waited on with selectors. Its socket adaptor does not exist, so a read
 * with a timeout (idle-gap framing) is a {@code select(timeout)} (on a virtual thread that parks, it does not pin
 * a carrier). The reader and the writer each own a selector, so neither waits on the other's; the writer's is opened
 * only once a write has to wait for the peer. {@link #close} closes both, which wakes whichever thread is waiting and
 * lets the system release the socket (a registered channel is only really closed once no selector holds it).
 */
final class UnixStreamIo implements StreamIo {
    private final SocketChannel channel;
    private final Selector readable;
    private final Object writableLock = new Object();
    private Selector writable;
    private boolean closed;

    UnixStreamIo(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        readable = Selector.open();
    }

    @Override
    public int read(byte[] buffer, long idleGapMillis) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(idleGapMillis, 0));
        while (true) {
            int n = channel.read(target);
            if (n != 0) {
                return n;
            }
            long waitMillis = 0;
            if (idleGapMillis > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return IDLE;
                }
                // Rounded up: a select that returns a little early would otherwise report silence too soon.
                waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining + 999_999));
            }
            await(readable, SelectionKey.OP_READ, waitMillis);
        }
    }

    @Override
    public int write(ByteBuffer buffer) throws IOException {
        while (true) {
            int n = channel.write(buffer);
            if (n > 0 || !buffer.hasRemaining()) {
                return n;
            }
            await(writable(), SelectionKey.OP_WRITE, 0);
        }
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public boolean prepareReset() {
        // The JDK accepts SO_LINGER on Unix channels, but the kernel ignores it: there is no reset to send.
        return false;
    }

    @Override
    public void close() throws IOException {
        Selector writer;
        synchronized (writableLock) {
            closed = true;
            writer = writable;
        }
        try {
            channel.close();
        } finally {
            try {
                readable.close();
            } finally {
                if (writer != null) {
                    writer.close();
                }
            }
        }
    }

    private Selector writable() throws IOException {
        synchronized (writableLock) {
            if (closed) {
                throw closed(null);
            }
            if (writable == null) {
                writable = Selector.open();
            }
            return writable;
        }
    }

    /** Waits up to {@code millis} (0 = until woken) for {@code operation}; fails if the connection was closed. */
    private void await(Selector selector, int operation, long millis) throws IOException {
        try {
            if (channel.keyFor(selector) == null) {
                channel.register(selector, operation);
            }
            selector.selectedKeys().clear();
            selector.select(millis);
        } catch (ClosedSelectorException | CancelledKeyException e) {
            throw closed(e);
        }
        if (!channel.isOpen() || !selector.isOpen()) {
            throw closed(null);
        }
    }

    private static AsynchronousCloseException closed(RuntimeException cause) {
        AsynchronousCloseException closed = new AsynchronousCloseException();
        if (cause != null) {
            closed.initCause(cause);
        }
        return closed;
    }
}
