package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Which names a certificate is for, to say "the certificate is for example.org, not localhost". The JDK does the real
 * check during the handshake; this only explains a rejection.
 */
final class HostnameMatch {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    private HostnameMatch() {
    }

    static boolean matches(X509Certificate cert, String host) {
        String wanted = host.toLowerCase(Locale.ROOT);
        boolean ip = TlsSupport.isIpLiteral(host);
        List<String> sans = CertSummary.altNames(cert);
        if (sans.isEmpty()) {
            return commonNames(cert).stream().anyMatch(cn -> nameMatches(cn.toLowerCase(Locale.ROOT), wanted));
        }
        for (String san : sans) {
            if (ip && san.startsWith("IP:") && sameIp(san.substring(3), host)) {
                return true;
            }
            if (!ip && san.startsWith("DNS:") && nameMatches(san.substring(4).toLowerCase(Locale.ROOT), wanted)) {
                return true;
            }
        }
        return false;
    }

    /** "example.org" or "example.org, www.example.org and 3 more". */
    static String describeNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        for (String san : CertSummary.altNames(cert)) {
            if (san.startsWith("DNS:") || san.startsWith("IP:")) {
                names.add(san.substring(san.indexOf(':') + 1));
            }
        }
        if (names.isEmpty()) {
            names.addAll(commonNames(cert));
        }
        if (names.isEmpty()) {
            return TEXT.get("tls.noHostName");
        }
        if (names.size() <= 3) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }

    private static boolean nameMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    private static boolean sameIp(String a, String b) {
        try {
            return java.net.InetAddress.ofLiteral(a).equals(java.net.InetAddress.ofLiteral(b));
        } catch (IllegalArgumentException e) {
            return a.equalsIgnoreCase(b);
        }
    }

    private static List<String> commonNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            LdapName dn = new LdapName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
            for (Rdn rdn : dn.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    names.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            // an unparsable subject simply has no common name to show
        }
        return names;
    }
}
