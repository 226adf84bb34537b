package com.socketworkbench.engine.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * A server's certificate and key from files, read as a start would read them, so a panel can show what it will serve
 * (subject, names, validity, fingerprint) or what is wrong with which field before Start: a file that holds no
 * certificate, a wrong password, a key that belongs to another certificate.
 */
public final class ServerCertificates {

    /** The field a problem is about. */
    public enum Field {
        /** The certificate file (for PKCS#12 and a PEM file holding its key: the whole file). */
        CERTIFICATE,
        /** The separate PEM key file. */
        KEY,
        /** The password of the PKCS#12 file or of the encrypted key. */
        PASSWORD
    }

    /** Reading the files failed; {@link #field()} says at which field the words belong. */
    public static final class Problem extends Exception {
        private final Field field;

        Problem(Field field, String message, Throwable cause) {
            super(message, cause);
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    private ServerCertificates() {
    }

    /**
     * Reads {@code material} (blocking: off the UI thread) and returns the leaf certificate it serves.
     *
     * @throws Problem with plain words and the field they are about
     */
    public static X509Certificate load(KeyMaterial material) throws Problem {
        Path certFile = material.certificateFile();
        boolean separateKey = material.format() == KeyFormat.PEM && material.keyFile() != null
                && !material.keyFile().equals(certFile);
        if (material.format() == KeyFormat.PEM) {
            byte[] bytes = read(certFile, Field.CERTIFICATE);
            // A PKCS#12 file read as PEM is read as PKCS#12 by the key store too (its bytes tell): no PEM check.
            if (!KeyFiles.isPkcs12(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 16)))) {
                try {
                    KeyMaterials.certificates(bytes, certFile);
                } catch (TlsSetupException e) {
                    throw new Problem(Field.CERTIFICATE, e.getMessage(), e);
                }
                if (separateKey) {
                    read(material.keyFile(), Field.KEY);
                }
            }
        }
        KeyStore store;
        try {
            store = KeyMaterials.keyStore(material);
        } catch (TlsSetupException e) {
            throw new Problem(e.problem() == TlsSetupException.Problem.PASSWORD ? Field.PASSWORD
                    : separateKey ? Field.KEY : Field.CERTIFICATE, e.getMessage(), e);
        }
        try {
            return leaf(store, material);
        } catch (TlsSetupException e) {
            throw new Problem(separateKey ? Field.KEY : Field.CERTIFICATE, e.getMessage(), e);
        }
    }

    /** The leaf of a key store built by {@link KeyMaterials#keyStore(KeyMaterial)}, which checked the pair. */
    private static X509Certificate leaf(KeyStore store, KeyMaterial material) throws TlsSetupException {
        try {
            if (store.getCertificate(KeyMaterials.ALIAS) instanceof X509Certificate leaf
                    && store.getKey(KeyMaterials.ALIAS, KeyMaterials.MEMORY_PASSWORD) instanceof PrivateKey) {
                return leaf;
            }
            throw new TlsSetupException(TlsText.TEXT.get("setup.noCertificate", material.certificateFile()));
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.keyMismatch", e.getMessage()), e);
        }
    }

    private static byte[] read(Path file, Field field) throws Problem {
        try {
            return KeyMaterials.readBytes(file);
        } catch (TlsSetupException e) {
            throw new Problem(field, e.getMessage(), e);
        }
    }
}
