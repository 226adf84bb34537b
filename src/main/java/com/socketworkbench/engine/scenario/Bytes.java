package com.socketworkbench.engine.scenario;

/** Byte searching for expects. */
final class Bytes {
    private Bytes() {
    }

    /**
     * Where {@code needle} first occurs in {@code len} bytes of {@code data} from {@code off} (relative to
     * {@code off}), or -1; positions where {@code any} is true match every byte ({@code any} may be null).
     */
    static int indexOf(byte[] data, int off, int len, byte[] needle, boolean[] any) {
        int last = len - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int k = 0; k < needle.length; k++) {
                if ((any == null || !any[k]) && data[off + i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
