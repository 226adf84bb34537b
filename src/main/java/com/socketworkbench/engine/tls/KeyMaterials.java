package com.socketworkbench.engine.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.StringReader;
import java.util.ArrayList;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import java.util.Collections;
import java.util.List;

/** Reads certificates and keys from files into key stores, with a plain-words {@link TlsSetupException}. */
final class KeyMaterials {
    /** The alias and password of the in-memory key stores built here (never written anywhere). */
    static final String ALIAS = "key";
    static final char[] MEMORY_PASSWORD = new char[0];

    private KeyMaterials() {
    }

    /** A key store holding one key entry: the key and its chain. */
    static KeyStore keyStore(KeyMaterial material) throws TlsSetupException {
        return switch (material.format()) {
            case PKCS12 -> pkcs12(material.certificateFile(), material.password());
            case PEM -> {
                byte[] chainBytes = readBytes(material.certificateFile());
                // A PKCS#12 file under another name (client.pkcs12) read as PEM would say "no certificate": its
                // bytes tell. It holds its own key, so a key file beside it is not read.
                if (KeyFiles.isPkcs12(java.util.Arrays.copyOf(chainBytes, Math.min(chainBytes.length, 16)))) {
                    yield pkcs12(material.certificateFile(), material.password());
                }
                // The bytes as read: a DER certificate (with its key in a PEM file of its own) is not text.
                List<X509Certificate> chain = certificates(chainBytes, material.certificateFile());
                Path keyFile = material.keyFile() == null ? material.certificateFile() : material.keyFile();
                String keyText = keyFile.equals(material.certificateFile())
                        ? new String(chainBytes, StandardCharsets.US_ASCII) : readText(keyFile);
                PrivateKey key = PemKeys.readKey(keyText, material.password(), keyFile.toString());
                if (!KeyPairs.matches(key, chain.getFirst().getPublicKey())) {
                    throw new TlsSetupException(TlsSetupException.Problem.KEY_MISMATCH, TlsText.TEXT.get(
                            "setup.keyNotForCertificate", keyFile, material.certificateFile(),
                            chain.getFirst().getSubjectX500Principal().getName()), null);
                }
                yield keyStore(key, chain);
            }
        };
    }

    /** A key store with {@code key} and its chain. */
    static KeyStore keyStore(PrivateKey key, List<X509Certificate> chain) throws TlsSetupException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.keyMismatch", e.getMessage()), e);
        }
    }

    private static KeyStore pkcs12(Path file, String password) throws TlsSetupException {
        byte[] bytes = readBytes(file);
        char[] secret = password == null ? new char[0] : password.toCharArray();
        KeyStore store;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage())
                    .contains("password")) {
                throw PemKeys.wrongPassword(file, e);
            }
            throw new TlsSetupException(TlsText.TEXT.get("setup.notPkcs12", file, e.getMessage()), e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.notPkcs12", file, e.getMessage()), e);
        }
        // Copy the first key entry into a store with the one password the key manager is given.
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key;
                    try {
                        key = store.getKey(alias, secret);
                    } catch (UnrecoverableKeyException e) {
                        throw PemKeys.wrongPassword(file, e);
                    }
                    if (key instanceof PrivateKey privateKey) {
                        List<X509Certificate> chain = java.util.Arrays.stream(store.getCertificateChain(alias))
                                .map(c -> (X509Certificate) c).toList();
                        return keyStore(privateKey, chain);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.notPkcs12", file, e.getMessage()), e);
        }
        throw new TlsSetupException(TlsText.TEXT.get("setup.noKey", file));
    }

    /** The certificates of a PEM or DER file, as a trust store. */
    static KeyStore trustStore(Path file) throws TlsSetupException {
        List<X509Certificate> certs = certificates(readBytes(file), file);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < certs.size(); i++) {
                store.setCertificateEntry("ca" + i, certs.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.noCertificate", file), e);
        }
    }

    /** Every certificate in PEM text (other blocks, such as a key, skipped) or DER bytes; at least one. */
    static List<X509Certificate> certificates(byte[] bytes, Path file) throws TlsSetupException {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN ")) {
                JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
                try (PEMParser parser = new PEMParser(new StringReader(text))) {
                    for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                        if (item instanceof X509CertificateHolder holder) {
                            certs.add(converter.getCertificate(holder));
                        }
                    }
                }
            } else {
                for (Certificate c : CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(bytes))) {
                    if (c instanceof X509Certificate x) {
                        certs.add(x);
                    }
                }
            }
        } catch (CertificateException | IOException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.noCertificate", file), e);
        }
        if (certs.isEmpty()) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.noCertificate", file));
        }
        return certs;
    }

    static byte[] readBytes(Path file) throws TlsSetupException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.fileMissing", file), e);
        } catch (AccessDeniedException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.fileDenied", file), e);
        } catch (IOException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.fileUnreadable", file, e.getMessage()), e);
        }
    }

    private static String readText(Path file) throws TlsSetupException {
        return new String(readBytes(file), StandardCharsets.US_ASCII);
    }
}
