package com.socketworkbench.engine.tls;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Private keys in PEM text: PKCS#8, PKCS#1 RSA, SEC1 EC, plain or encrypted with a password (Bouncy Castle). */
final class PemKeys {
    /** Bouncy Castle's own provider, not registered with the JVM: the OpenSSL key derivations live only there. */
    private static final Provider BC = new BouncyCastleProvider();

    private PemKeys() {
    }

    /**
     * The first private key in {@code pem}.
     *
     * @param where names the file in messages
     * @throws TlsSetupException no key in the text, a password needed or wrong
     */
    static PrivateKey readKey(String pem, String password, String where) throws TlsSetupException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                switch (item) {
                    case PrivateKeyInfo info -> {
                        return converter.getPrivateKey(info);
                    }
                    case PEMKeyPair pair -> {
                        return privateKey(converter, pair);
                    }
                    case PEMEncryptedKeyPair encrypted -> {
                        PEMDecryptorProvider decryptor = new JcePEMDecryptorProviderBuilder().setProvider(BC)
                                .build(requirePassword(password, where));
                        try {
                            return privateKey(converter, encrypted.decryptKeyPair(decryptor));
                        } catch (PEMException e) {
                            throw wrongPassword(where, e);
                        }
                    }
                    case PKCS8EncryptedPrivateKeyInfo encrypted -> {
                        try {
                            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                    .setProvider(BC).build(requirePassword(password, where));
                            return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
                        } catch (PKCSException | OperatorCreationException e) {
                            throw wrongPassword(where, e);
                        }
                    }
                    default -> {
                        // certificates and parameters beside the key: skip
                    }
                }
            }
        } catch (IOException e) {
            throw new TlsSetupException(TlsText.TEXT.get("setup.unreadablePem", where, e.getMessage()), e);
        }
        throw new TlsSetupException(TlsText.TEXT.get("setup.noKey", where));
    }

    /** A key pair's private key; a SEC1 EC key written without its public key has only that. */
    private static PrivateKey privateKey(JcaPEMKeyConverter converter, PEMKeyPair pair) throws PEMException {
        return pair.getPublicKeyInfo() != null ? converter.getKeyPair(pair).getPrivate()
                : converter.getPrivateKey(pair.getPrivateKeyInfo());
    }

    static TlsSetupException wrongPassword(Object where, Exception cause) {
        return new TlsSetupException(TlsSetupException.Problem.PASSWORD, TlsText.TEXT.get("setup.wrongPassword", where),
                cause);
    }

    private static char[] requirePassword(String password, String where) throws TlsSetupException {
        if (password == null || password.isEmpty()) {
            throw new TlsSetupException(TlsSetupException.Problem.PASSWORD,
                    TlsText.TEXT.get("setup.passwordNeeded", where), null);
        }
        return password.toCharArray();
    }
}
