package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.framing.FrameTooLargeException;
import com.socketworkbench.engine.framing.Framer;

import java.io.ByteArrayOutputStream;

/** Minimal framers to exercise the connection's framer plumbing (the real ones live in engine.framing). */
final class TestFramers {
    private TestFramers() {
    }

    /** Frames end at '\n' (not included). */
    static Framer lines() {
        return new Framer() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
            private int reads;

            @Override
            public void onBytes(byte[] buf, int off, int len, FrameSink sink) {
                reads++;
                for (int i = off; i < off + len; i++) {
                    if (buf[i] == '\n') {
                        sink.frame(pending.toByteArray(), reads);
                        pending.reset();
                        reads = 0;
                    } else {
                        pending.write(buf[i]);
                    }
                }
            }

            @Override
            public byte[] pending() {
                return pending.toByteArray();
            }

            @Override
            public String describe() {
                return "lines";
            }
        };
    }

    /** Frames end after {@code gapMillis} of silence. */
    static Framer idleGap(long gapMillis) {
        return new Framer() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
            private int reads;

            @Override
            public void onBytes(byte[] buf, int off, int len, FrameSink sink) {
                reads++;
                pending.write(buf, off, len);
            }

            @Override
            public void onIdle(FrameSink sink) {
                if (pending.size() > 0) {
                    sink.frame(pending.toByteArray(), reads);
                    pending.reset();
                    reads = 0;
                }
            }

            @Override
            public long idleGapMillis() {
                return gapMillis;
            }

            @Override
            public byte[] pending() {
                return pending.toByteArray();
            }

            @Override
            public String describe() {
                return "idle gap " + gapMillis + " ms";
            }
        };
    }

    /** Rejects any read longer than {@code max} bytes. */
    static Framer atMost(int max) {
        return new Framer() {
            @Override
            public void onBytes(byte[] buf, int off, int len, FrameSink sink) throws FrameTooLargeException {
                if (len > max) {
                    throw new FrameTooLargeException(len, max);
                }
                sink.frame(java.util.Arrays.copyOfRange(buf, off, off + len), 1);
            }

            @Override
            public byte[] pending() {
                return new byte[0];
            }

            @Override
            public String describe() {
                return "at most " + max;
            }
        };
    }
}
