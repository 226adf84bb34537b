package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.tls.KeyFiles;
import com.socketworkbench.engine.tls.KeyMaterial;
import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsSetupException;
import com.socketworkbench.engine.tls.TlsVersion;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code tls:} key of a TCP client connection in a scenario file. */
final class TlsSpecParser {
    static final List<String> KEYS = List.of("verify", "sni", "alpn", "ca", "cert", "key", "password", "passwordEnv",
            "min", "max");

    private TlsSpecParser() {
    }

    /** The connection's {@code tls:} setting; null when it has none. Only a TCP client may have one. */
    static TlsClientSettings of(YamlNode.Mapping connection, boolean tcpClient, Duration connectTimeout, Path baseDir)
            throws ScenarioException {
        YamlNode.Entry entry = connection.entries().get("tls");
        if (entry == null) {
            return null;
        }
        if (!tcpClient) {
            throw new ScenarioException(entry.keyLocation(), TEXT.get("error.tls.where"));
        }
        return parse(entry.value(), connectTimeout, baseDir);
    }

    /**
     * {@code tls: true} (verified, SNI = the host) or {@code tls: {verify, sni, alpn, ca, cert, key, password, min,
     * max}}; null for {@code false}. The handshake may take as long as the connect. A client certificate is read
     * here, so that a missing file, a wrong password or a key of another certificate is an error at its line before
     * anything runs.
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
            settings = settings.withExtraCaFile(resolve(ca, baseDir));
        }
        settings = versions(map, settings);
        return settings.withClientCertificate(clientCertificate(map, baseDir));
    }

    /** Relative to the scenario file's folder (the working directory for a text without a file). */
    private static Path resolve(Path file, Path baseDir) {
        return baseDir == null || file.isAbsolute() ? file : baseDir.resolve(file);
    }

    /** {@code min} and {@code max}: TLS versions as the window names them; min not above max. */
    private static TlsClientSettings versions(YamlNode.Mapping map, TlsClientSettings settings)
            throws ScenarioException {
        TlsVersion min = version(map, "min", settings.min());
        TlsVersion max = version(map, "max", settings.max());
        if (min.compareTo(max) > 0) {
            YamlNode where = ScenarioParser.value(map, map.entries().containsKey("min") ? "min" : "max");
            throw new ScenarioException(where.location(), TEXT.get("error.tls.range", min.jdkName(), max.jdkName()));
        }
        return settings.withVersions(min, max);
    }

    private static TlsVersion version(YamlNode.Mapping map, String key, TlsVersion fallback)
            throws ScenarioException {
        if (!map.entries().containsKey(key)) {
            return fallback;
        }
        YamlNode node = ScenarioParser.value(map, key);
        String text = ScenarioParser.string(node);
        TlsVersion version = TlsVersion.parse(text);
        if (version == null) {
            throw new ScenarioException(node.location(), TEXT.get("error.tls.version", key, text, TlsVersion.names()));
        }
        return version;
    }

    /**
     * {@code cert} (PEM or DER with {@code key}, or PKCS#12) and {@code password}, or {@code passwordEnv} (the name of
     * an environment variable holding it, so that it need not be in the file), read and checked now; null without
     * {@code cert}. Each problem is reported at the line of the key that causes it.
     */
    private static KeyMaterial clientCertificate(YamlNode.Mapping map, Path baseDir) throws ScenarioException {
        YamlNode keyNode = map.entries().containsKey("key") ? ScenarioParser.value(map, "key") : null;
        if (map.entries().containsKey("password") && map.entries().containsKey("passwordEnv")) {
            throw new ScenarioException(map.entries().get("passwordEnv").keyLocation(),
                    TEXT.get("error.tls.passwordBoth"));
        }
        String passwordKey = map.entries().containsKey("passwordEnv") ? "passwordEnv" : "password";
        YamlNode passwordNode = map.entries().containsKey(passwordKey) ? ScenarioParser.value(map, passwordKey) : null;
        if (!map.entries().containsKey("cert")) {
            String stray = keyNode != null ? "key" : passwordNode != null ? passwordKey : null;
            if (stray != null) {
                throw new ScenarioException(map.entries().get(stray).keyLocation(),
                        TEXT.get("error.tls.certNeeded", stray));
            }
            return null;
        }
        YamlNode certNode = ScenarioParser.value(map, "cert");
        Path cert = file(certNode, "cert", baseDir);
        Path key = keyNode == null ? null : file(keyNode, "key", baseDir);
        String password = passwordNode == null ? null : ScenarioParser.string(passwordNode);
        if (passwordNode != null && passwordKey.equals("passwordEnv")) {
            String variable = password;
            password = System.getenv(variable.strip());
            if (password == null) {
                throw new ScenarioException(passwordNode.location(), TEXT.get("error.tls.passwordEnv", variable));
            }
        }
        if (key != null && KeyFiles.isPkcs12NameOrContent(cert)) {
            throw new ScenarioException(keyNode.location(), TEXT.get("error.tls.keyPkcs12", cert));
        }
        KeyMaterial material = KeyMaterial.of(cert, key, password);
        try {
            TlsContexts.checkClientCertificate(material);
        } catch (TlsSetupException e) {
            YamlNode fileNode = key != null ? keyNode : certNode;
            YamlNode where = switch (e.problem()) {
                case PASSWORD -> passwordNode != null ? passwordNode : fileNode;
                case KEY_MISMATCH -> fileNode;
                case OTHER -> certNode;
            };
            throw new ScenarioException(where.location(), TEXT.get("error.tls.cert", e.getMessage()));
        }
        return material;
    }

    /** A file named by {@code node}, resolved like {@code ca}; it must exist. */
    private static Path file(YamlNode node, String key, Path baseDir) throws ScenarioException {
        String text = ScenarioParser.string(node);
        Path file;
        try {
            file = resolve(Path.of(text), baseDir);
        } catch (InvalidPathException e) {
            throw new ScenarioException(node.location(), TEXT.get("error.tls.path", key, text));
        }
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(node.location(), TEXT.get("error.tls.missing", key, file));
        }
        return file;
    }
}
