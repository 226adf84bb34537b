package com.socketworkbench.engine.framing;

/**
 * Where a framer asks for the memory of a frame in progress before it takes it, so that an owner (a TCP listener)
 * can hold all its connections' unfinished frames within one budget. A framer that is refused throws
 * {@link FrameMemoryRefusedException} out of {@link Framer#onBytes} and is of no use afterwards. A TCP connection's
 * read buffer asks the same way before it grows beyond its bulk size (engine.tcp.ReadBuffer).
 */
public interface ByteAllowance {
    /** Asks for no one: every reservation succeeds. */
    ByteAllowance UNLIMITED = new ByteAllowance() {
        @Override
        public boolean reserve(long bytes) {
            return true;
        }

        @Override
        public void release(long bytes) {
        }
    };

    /** True when {@code bytes} more may be held (and now count as held); false when they may not. */
    boolean reserve(long bytes);

    /** {@code bytes} reserved earlier are no longer held. */
    void release(long bytes);
}
