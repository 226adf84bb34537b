package com.socketworkbench.engine.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * What a user wants to see of a certificate.
 *
 * @param subject           RFC 2253 form, e.g. "CN=localhost"
 * @param subjectAltNames   "DNS:localhost", "IP:127.0.0.1", ...
 * @param sha256Fingerprint upper-case hex pairs separated by colons, as browsers show it
 */
public record CertSummary(String subject, String issuer, Instant notBefore, Instant notAfter,
                          List<String> subjectAltNames, String sha256Fingerprint) {

    public CertSummary {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public static CertSummary of(X509Certificate cert) {
        return new CertSummary(cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), altNames(cert), fingerprint(cert));
    }

    public boolean selfSigned() {
        return subject.equals(issuer);
    }

    static List<String> altNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans == null) {
                return names;
            }
            for (List<?> san : sans) {
                Object type = san.get(0);
                Object value = san.get(1);
                if (!(type instanceof Integer t) || !(value instanceof String v)) {
                    continue;
                }
                String prefix = switch (t) {
                    case 1 -> "EMAIL:";
                    case 2 -> "DNS:";
                    case 6 -> "URI:";
                    case 7 -> "IP:";
                    default -> "OTHER:";
                };
                names.add(prefix + v);
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable: " + e.getMessage() + ")");
        }
        return names;
    }

    private static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "";
        }
    }
}
