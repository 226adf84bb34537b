package com.socketworkbench.engine.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Locale;

/** Whether a private key belongs to a certificate's public key, told by signing a few bytes and checking them. */
final class KeyPairs {
    private static final byte[] PROBE = "socket-workbench key check".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    /**
     * False when a signature made with {@code key} does not verify with {@code certificateKey} (another key pair,
     * or another kind of key); true when it does, or for a kind of key not checked here (the handshake then tells).
     */
    static boolean matches(PrivateKey key, PublicKey certificateKey) {
        String algorithm = switch (family(key.getAlgorithm())) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "EDDSA" -> "EdDSA";
            default -> null; // RSASSA-PSS and others: their parameters vary; the handshake will tell
        };
        if (algorithm == null) {
            return true;
        }
        if (!family(key.getAlgorithm()).equals(family(certificateKey.getAlgorithm()))) {
            return false; // an EC key beside an RSA certificate
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (InvalidKeyException | java.security.SignatureException otherKind) {
            return false; // a signature the other key cannot read (EC curves that differ)
        } catch (GeneralSecurityException unavailable) {
            return true; // no such signature here: not a verdict on the key
        }
    }

    /** "RSA", "EC", "DSA" or "EDDSA" (Ed25519 and Ed448 too), whatever the provider calls it. */
    private static String family(String algorithm) {
        String upper = algorithm.toUpperCase(Locale.ROOT);
        return upper.startsWith("ED") ? "EDDSA" : upper.equals("ECDSA") ? "EC" : upper;
    }
}
