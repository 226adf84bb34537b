package com.socketworkbench.engine.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a key or certificate file holds, told by its bytes rather than its name. */
public final class KeyFiles {
    /** Enough for the DER header of a PKCS#12 file: SEQUENCE, a length of up to five bytes, INTEGER 3. */
    private static final int HEADER = 9;

    private KeyFiles() {
    }

    /**
     * True when {@code file} is PKCS#12 by its usual name ({@code .p12}, {@code .pfx}) or by its bytes under any
     * other name: how the window, a scenario and the command line tell a PKCS#12 file from a PEM or DER one.
     */
    public static boolean isPkcs12NameOrContent(Path file) {
        if (file == null || file.getFileName() == null) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx") || isPkcs12(file);
    }

    /**
     * True when {@code file} starts like a PKCS#12 file, whatever its name ({@code client.pkcs12},
     * {@code keystore.pkcs}): its DER starts with a SEQUENCE holding version 3. A PEM text or an X.509 certificate
     * (whose SEQUENCE holds another SEQUENCE) does not. False when the file cannot be read: its own check says so.
     */
    public static boolean isPkcs12(Path file) {
        if (file == null) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return isPkcs12(in.readNBytes(HEADER));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean isPkcs12(byte[] bytes) {
        if (bytes.length < 5 || bytes[0] != 0x30) {
            return false;
        }
        int at = 1;
        int first = bytes[at++] & 0xFF;
        if (first > 0x84) {
            return false; // longer lengths than four bytes, or indefinite: not a file this size
        }
        if (first > 0x80) {
            at += first - 0x80;
        }
        return bytes.length >= at + 3 && bytes[at] == 0x02 && bytes[at + 1] == 0x01 && bytes[at + 2] == 0x03;
    }
}
