package com.socketworkbench.engine.relay;

import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsServerSettings;

import java.time.Duration;

import static com.socketworkbench.engine.relay.RelayText.TEXT;

/**
 * Where a relay listens and where it forwards to.
 *
 * @param bindHost       the address to listen on (the UI proposes 127.0.0.1)
 * @param listenPort     0 for any free port
 * @param connectTimeout how long a TCP pair waits for the target to accept
 * @param udpPairIdle    how long a UDP pair lives without a datagram either way
 * @param clientTls      TLS the relay terminates toward the client (it is the TLS server there); null: plain
 * @param serverTls      TLS the relay speaks toward the target (it is the TLS client there); null: plain
 */
public record RelayConfig(RelayTransport transport, String bindHost, int listenPort, String targetHost,
                          int targetPort, Duration connectTimeout, Duration udpPairIdle, TlsServerSettings clientTls,
                          TlsClientSettings serverTls) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_UDP_PAIR_IDLE = Duration.ofSeconds(60);
    private static final int MAX_PORT = 65_535;

    /** Checks every value; the message says in plain words which one is wrong. */
    public RelayConfig {
        if (transport == null) {
            throw new IllegalArgumentException(TEXT.get("config.transport.missing"));
        }
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException(TEXT.get("config.bindHost.missing"));
        }
        if (listenPort < 0 || listenPort > MAX_PORT) {
            throw new IllegalArgumentException(TEXT.get("config.listenPort.range", listenPort));
        }
        if (targetHost == null || targetHost.isBlank()) {
            throw new IllegalArgumentException(TEXT.get("config.targetHost.missing"));
        }
        if (targetPort < 1 || targetPort > MAX_PORT) {
            throw new IllegalArgumentException(TEXT.get("config.targetPort.range", targetPort));
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException(TEXT.get("config.connectTimeout.positive"));
        }
        if (udpPairIdle == null || udpPairIdle.isNegative() || udpPairIdle.isZero()) {
            throw new IllegalArgumentException(TEXT.get("config.udpPairIdle.positive"));
        }
        if (transport == RelayTransport.UDP && (clientTls != null || serverTls != null)) {
            throw new IllegalArgumentException(TEXT.get("config.tls.udp"));
        }
        bindHost = bindHost.strip();
        targetHost = targetHost.strip();
    }

    /** Plain on both sides. */
    public RelayConfig(RelayTransport transport, String bindHost, int listenPort, String targetHost, int targetPort,
                       Duration connectTimeout, Duration udpPairIdle) {
        this(transport, bindHost, listenPort, targetHost, targetPort, connectTimeout, udpPairIdle, null, null);
    }

    /** A TCP relay with the default connect timeout (10 s). */
    public static RelayConfig tcp(String bindHost, int listenPort, String targetHost, int targetPort) {
        return new RelayConfig(RelayTransport.TCP, bindHost, listenPort, targetHost, targetPort,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_UDP_PAIR_IDLE);
    }

    /** A UDP relay whose pairs idle out after 60 s. */
    public static RelayConfig udp(String bindHost, int listenPort, String targetHost, int targetPort) {
        return new RelayConfig(RelayTransport.UDP, bindHost, listenPort, targetHost, targetPort,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_UDP_PAIR_IDLE);
    }

    public RelayConfig withConnectTimeout(Duration timeout) {
        return new RelayConfig(transport, bindHost, listenPort, targetHost, targetPort, timeout, udpPairIdle,
                clientTls, serverTls);
    }

    public RelayConfig withUdpPairIdle(Duration idle) {
        return new RelayConfig(transport, bindHost, listenPort, targetHost, targetPort, connectTimeout, idle,
                clientTls, serverTls);
    }

    /** The relay terminates TLS toward the client with {@code settings} (null: plain again). TCP only. */
    public RelayConfig withClientTls(TlsServerSettings settings) {
        return new RelayConfig(transport, bindHost, listenPort, targetHost, targetPort, connectTimeout, udpPairIdle,
                settings, serverTls);
    }

    /** The relay speaks TLS to the target with {@code settings} (null: plain again). TCP only. */
    public RelayConfig withServerTls(TlsClientSettings settings) {
        return new RelayConfig(transport, bindHost, listenPort, targetHost, targetPort, connectTimeout, udpPairIdle,
                clientTls, settings);
    }
}
