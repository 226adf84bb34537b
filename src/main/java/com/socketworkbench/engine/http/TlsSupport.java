package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.text.DurationText;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** TLS for the exchanger: verification on by default, failures explained in words. */
public final class TlsSupport {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private TlsSupport() {
    }

    /**
     * Records what the server presented and why it was rejected, then lets the real trust manager decide (or accepts
     * everything when there is none: insecure mode).
     */
    static final class CapturingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        private final Path caFile;
        private volatile X509Certificate[] chain = new X509Certificate[0];
        private volatile String protocol = "";
        private volatile String cipherSuite = "";
        private volatile CertificateException rejection;

        /** @param delegate null to accept any certificate */
        CapturingTrustManager(X509ExtendedTrustManager delegate) {
            this(delegate, null);
        }

        /** @param caFile the extra CA file {@code delegate} trusts besides the system's, for the TLS details */
        CapturingTrustManager(X509ExtendedTrustManager delegate, Path caFile) {
            this.delegate = delegate;
            this.caFile = delegate == null ? null : caFile;
        }

        X509Certificate[] chain() {
            return chain.clone();
        }

        CertificateException rejection() {
            return rejection;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket)
                throws CertificateException {
            capture(certs, socket instanceof SSLSocket s ? s.getHandshakeSession() : null);
            check(() -> delegate.checkServerTrusted(certs, authType, socket), certs);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
                throws CertificateException {
            capture(certs, engine == null ? null : engine.getHandshakeSession());
            check(() -> delegate.checkServerTrusted(certs, authType, engine), certs);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
            capture(certs, null);
            check(() -> delegate.checkServerTrusted(certs, authType), certs);
        }

        private interface Check {
            void run() throws CertificateException;
        }

        private void check(Check check, X509Certificate[] certs) throws CertificateException {
            if (delegate == null) {
                return;
            }
            try {
                check.run();
                // A certificate trusted directly (e.g. a pinned self-signed one) is not date-checked by PKIX.
                if (certs.length > 0) {
                    certs[0].checkValidity();
                }
            } catch (CertificateException e) {
                rejection = e;
                throw e;
            }
        }

        private void capture(X509Certificate[] certs, SSLSession handshake) {
            chain = certs == null ? new X509Certificate[0] : certs.clone();
            if (handshake != null) {
                protocol = handshake.getProtocol() == null ? "" : handshake.getProtocol();
                cipherSuite = handshake.getCipherSuite() == null ? "" : handshake.getCipherSuite();
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("This trust manager only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("This trust manager only checks servers");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
            throw new CertificateException("This trust manager only checks servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
        }

        TlsInfo partialInfo() {
            return new TlsInfo(protocol, cipherSuite, Arrays.stream(chain).map(CertSummary::of).toList(),
                    delegate == null, caFile);
        }
    }

    /** The platform's trust (cacerts) when {@code trustStore} is null, otherwise exactly the given certificates. */
    public static X509ExtendedTrustManager trustManager(KeyStore trustStore) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager) {
                throw new GeneralSecurityException("The trust manager does not support host name checks");
            }
        }
        throw new GeneralSecurityException("No X.509 trust manager available");
    }

    /** Layers TLS over a connected socket and runs the handshake. */
    static SSLSocket handshake(Socket plain, HttpTarget target, CapturingTrustManager trust, boolean verify,
                               Duration timeout) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{trust}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, target.host(), target.port(),
                true);
        SSLParameters params = socket.getSSLParameters();
        if (!isIpLiteral(target.host())) {
            params.setServerNames(List.of(new SNIHostName(target.host())));
        }
        if (verify) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        params.setApplicationProtocols(new String[]{"http/1.1"});
        socket.setSSLParameters(params);
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        socket.startHandshake();
        return socket;
    }

    static TlsInfo info(SSLSession session, boolean insecure) {
        return info(session, insecure, null);
    }

    /** @param caFile the extra CA file trusted besides the system's; null for none */
    static TlsInfo info(SSLSession session, boolean insecure, Path caFile) {
        List<CertSummary> chain;
        try {
            chain = Arrays.stream(session.getPeerCertificates()).filter(c -> c instanceof X509Certificate)
                    .map(c -> CertSummary.of((X509Certificate) c)).toList();
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            chain = List.of();
        }
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), chain, insecure, insecure ? null : caFile);
    }

    public static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }

    /**
     * Why the handshake failed, in words a user can act on.
     *
     * @param timeout the read timeout the handshake ran with (it bounds each read, not the handshake)
     */
    static String explain(Throwable failure, CapturingTrustManager trust, HttpTarget target, Duration timeout) {
        CertificateException rejection = trust.rejection();
        X509Certificate[] chain = trust.chain();
        if (rejection != null) {
            String words = explainCertificate(rejection, chain, target.host());
            return trust.caFile != null && problemOf(rejection) == CertificateProblem.UNTRUSTED
                    ? TEXT.get("tls.untrusted.caFile", words, trust.caFile) : words;
        }
        if (failure instanceof SocketTimeoutException) {
            // The timeout bounds each read of the handshake, not the handshake as a whole (the deadline does that).
            return TEXT.get("tls.stalled", target.authority(), DurationText.of(timeout));
        }
        String message = String.valueOf(failure.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return TEXT.get("tls.notTls", target.authority());
        }
        if (lower.contains("handshake_failure") || lower.contains("insufficient_security")) {
            return TEXT.get("tls.noCommonCipher", message);
        }
        if (lower.contains("protocol_version") || lower.contains("protocol is disabled")
                || lower.contains("no appropriate protocol")) {
            return TEXT.get("tls.version", message);
        }
        if (failure instanceof EOFException || lower.contains("remote host terminated the handshake")
                || lower.contains("connection reset")) {
            return TEXT.get("tls.closed");
        }
        if (lower.contains("unrecognized_name")) {
            return TEXT.get("tls.unrecognizedName", target.host());
        }
        return TEXT.get("tls.failed", message);
    }

    /** What a trust manager's rejection of a certificate was about, for whichever side words it. */
    public enum CertificateProblem {
        /** The leaf or a certificate of its chain is past its end. */
        EXPIRED,
        /** The leaf's validity has not begun. */
        NOT_YET_VALID,
        /** No chain to a trusted CA. */
        UNTRUSTED,
        /** Anything else (a host name, a bad signature, a revoked one): the JDK's words. */
        OTHER
    }

    /** Sorts a trust manager's rejection; {@link #explainCertificate} words it for a client, others for a server. */
    public static CertificateProblem problemOf(CertificateException rejection) {
        if (hasCause(rejection, CertificateExpiredException.class)
                || validatorReason(rejection, CertPathValidatorException.BasicReason.EXPIRED)) {
            return CertificateProblem.EXPIRED;
        }
        if (hasCause(rejection, CertificateNotYetValidException.class)
                || validatorReason(rejection, CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
            return CertificateProblem.NOT_YET_VALID;
        }
        return isUntrusted(rejection) ? CertificateProblem.UNTRUSTED : CertificateProblem.OTHER;
    }

    /**
     * The first certificate of {@code chain} (leaf first) past its end at {@code now}, as its index; -1 for none.
     * An expiry rejection can be about an intermediate, and the words then name which one.
     */
    public static int firstExpired(X509Certificate[] chain, Instant now) {
        for (int i = 0; i < chain.length; i++) {
            if (chain[i].getNotAfter().toInstant().isBefore(now)) {
                return i;
            }
        }
        return -1;
    }

    public static String explainCertificate(CertificateException rejection, X509Certificate[] chain, String host) {
        CertificateProblem problem = problemOf(rejection);
        if (problem == CertificateProblem.EXPIRED) {
            return expiredMessage(chain);
        }
        if (problem == CertificateProblem.NOT_YET_VALID) {
            X509Certificate leaf = chain.length > 0 ? chain[0] : null;
            return leaf == null ? TEXT.get("tls.notYetValid")
                    : TEXT.get("tls.notValidBefore", DAY.format(leaf.getNotBefore().toInstant()));
        }
        if (problem == CertificateProblem.UNTRUSTED) {
            return chain.length == 0 ? TEXT.get("tls.untrusted") : TEXT.get("tls.untrusted.who",
                    CertSummary.of(chain[0]).subject(), CertSummary.of(chain[chain.length - 1]).issuer());
        }
        if (chain.length > 0 && !HostnameMatch.matches(chain[0], host)) {
            return TEXT.get("tls.wrongHost", HostnameMatch.describeNames(chain[0]), host);
        }
        return TEXT.get("tls.rejected", rejection.getMessage());
    }

    private static String expiredMessage(X509Certificate[] chain) {
        int i = firstExpired(chain, Instant.now());
        if (i < 0) {
            return TEXT.get("tls.chainExpired.some");
        }
        String notAfter = DAY.format(chain[i].getNotAfter().toInstant());
        return i == 0 ? TEXT.get("tls.expired", notAfter)
                : TEXT.get("tls.chainExpired", CertSummary.of(chain[i]).subject(), notAfter);
    }

    private static boolean isUntrusted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("unable to find valid certification path")
                    || message.contains("PKIX path building failed"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean validatorReason(Throwable e, CertPathValidatorException.Reason reason) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertPathValidatorException v && v.getReason() == reason) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static boolean isTlsProblem(Throwable e) {
        return e instanceof SSLException || e instanceof GeneralSecurityException;
    }
}
