package com.socketworkbench.engine.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A certificate chain and its private key, in files.
 *
 * @param format          PKCS12 or PEM
 * @param certificateFile PKCS12: the .p12/.pfx file; PEM: the chain (leaf first), or one file holding chain and key
 * @param keyFile         PKCS12: null; PEM: the private key, or null when the certificate file holds it too
 * @param password        the PKCS#12 password or the password of an encrypted PEM key; null for none
 */
public record KeyMaterial(KeyFormat format, Path certificateFile, Path keyFile, String password) {
    public KeyMaterial {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(certificateFile, "certificateFile");
    }

    public static KeyMaterial pkcs12(Path file, String password) {
        return new KeyMaterial(KeyFormat.PKCS12, file, null, password);
    }

    /**
     * A certificate file with, for PEM, an optional key file: PKCS#12 when {@link KeyFiles#isPkcs12NameOrContent}
     * says so (then {@code key} is not used: the file holds its own), else PEM or DER.
     *
     * @param password the PKCS#12 password or that of an encrypted PEM key; null or empty for none
     */
    public static KeyMaterial of(Path certificate, Path key, String password) {
        String secret = password == null || password.isEmpty() ? null : password;
        return KeyFiles.isPkcs12NameOrContent(certificate) ? pkcs12(certificate, secret)
                : pem(certificate, key, secret);
    }

    public static KeyMaterial pem(Path chain, Path key, String password) {
        return new KeyMaterial(KeyFormat.PEM, chain, key, password);
    }
}
