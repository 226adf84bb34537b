package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.tls.TlsClientSettings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code tls:} key of a TCP client connection in a scenario file. */
final class TlsSpecParser {
    static final List<String> KEYS = List.of("verify", "sni", "alpn", "ca");

    private TlsSpecParser() {
    }

    /**
     * {@code tls: true} (verified, SNI = the host) or {@code tls: {verify, sni, alpn, ca}}; null for {@code false}.
     * The handshake may take as long as the connect.
     */
    static TlsClientSettings parse(YamlNode node, Duration connectTimeout, Path baseDir) throws ScenarioException {
        // connectTimeout 0 (no limit) leaves the handshake its default limit: it must end some time.
        TlsClientSettings settings = TlsClientSettings.defaults()
                .withHandshakeTimeout(TlsClientSettings.handshakeTimeoutFor(connectTimeout));
        if (node instanceof YamlNode.Scalar) {
            return ScenarioParser.bool(node) ? settings : null;
        }
        YamlNode.Mapping map = ScenarioParser.mapping(node, "tls");
        ScenarioParser.checkKeys(map, KEYS);
        if (map.entries().containsKey("verify")) {
            settings = settings.withVerify(ScenarioParser.bool(ScenarioParser.value(map, "verify")));
        }
        if (map.entries().containsKey("sni")) {
            YamlNode sniNode = ScenarioParser.value(map, "sni");
            String sni = ScenarioParser.string(sniNode);
            if (!sni.isBlank() && !TlsClientSettings.isValidServerName(sni.strip())) {
                throw new ScenarioException(sniNode.location(), TEXT.get("error.tls.sni", sni));
            }
            settings = settings.withSni(sni);
        }
        if (map.entries().containsKey("alpn")) {
            YamlNode alpn = ScenarioParser.value(map, "alpn");
            List<String> protocols = new ArrayList<>();
            if (alpn instanceof YamlNode.Sequence list) {
                for (YamlNode item : list.items()) {
                    protocols.add(ScenarioParser.string(item));
                }
            } else {
                protocols.addAll(List.of(ScenarioParser.string(alpn).split(",")));
            }
            settings = settings.withAlpn(protocols);
        }
        if (map.entries().containsKey("ca")) {
            YamlNode caNode = ScenarioParser.value(map, "ca");
            Path ca;
            try {
                ca = Path.of(ScenarioParser.string(caNode));
            } catch (InvalidPathException e) {
                throw new ScenarioException(caNode.location(),
                        TEXT.get("error.tls.ca", ScenarioParser.string(caNode)));
            }
            settings = settings.withExtraCaFile(baseDir == null || ca.isAbsolute() ? ca : baseDir.resolve(ca));
        }
        return settings;
    }
}
