package com.socketworkbench.cli;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.HexDump;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.fields.FieldTemplate;
import com.socketworkbench.engine.fields.PayloadSpec;
import com.socketworkbench.engine.text.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import com.socketworkbench.engine.http.CertSummary;
import com.socketworkbench.engine.tls.KeyFiles;
import com.socketworkbench.engine.tls.KeyMaterial;
import com.socketworkbench.engine.tls.TlsClientSettings;
import com.socketworkbench.engine.tls.TlsContexts;
import com.socketworkbench.engine.tls.TlsSetupException;
import com.socketworkbench.engine.tls.TlsVersion;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code send tcp|udp HOST PORT DATA}: sends DATA once and prints what comes back within {@code --wait} as a hex dump;
 * over TLS with {@code --tls} (verified unless {@code --insecure}; {@code --sni}, {@code --alpn}, {@code --ca},
 * {@code --tls-min}/{@code --tls-max}; a client certificate with {@code --cert}, {@code --key} and {@code --pass} or
 * {@code --pass-env}).
 * Exit 0 when it was sent (with or without a reply: the output says which), 1 when the network refused, 2 for bad
 * arguments.
 */
@Command(name = SendCommand.NAME)
final class SendCommand implements Callable<Integer> {
    static final String NAME = "send";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "tcp|udp", descriptionKey = "send.protocol")
    String protocol;

    @Parameters(index = "1", paramLabel = "HOST", descriptionKey = "send.host")
    String host;

    @Parameters(index = "2", paramLabel = "PORT", descriptionKey = "send.port")
    String port;

    @Parameters(index = "3", paramLabel = "DATA", descriptionKey = "send.data")
    String data;

    @Option(names = "--hex", descriptionKey = "send.hex")
    boolean hex;

    @Option(names = "--fields", descriptionKey = "send.fields")
    boolean fields;

    @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8", descriptionKey = "send.charset")
    String charset;

    @Option(names = "--wait", paramLabel = "MS", defaultValue = "1000", descriptionKey = "send.wait")
    String waitText;

    @Option(names = "--connect-timeout", paramLabel = "MS", defaultValue = "5000",
            descriptionKey = "send.connectTimeout")
    String connectTimeoutText;

    @Option(names = "--tls", descriptionKey = "send.tls")
    boolean tls;

    @Option(names = "--insecure", descriptionKey = "send.insecure")
    boolean insecure;

    @Option(names = "--sni", paramLabel = "NAME", descriptionKey = "send.sni")
    String sni;

    @Option(names = "--alpn", paramLabel = "LIST", descriptionKey = "send.alpn")
    String alpn;

    @Option(names = "--ca", paramLabel = "FILE", descriptionKey = "send.ca")
    Path ca;

    @Option(names = "--cert", paramLabel = "FILE", descriptionKey = "send.cert")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", descriptionKey = "send.key")
    Path key;

    @Option(names = "--pass", paramLabel = "PASSWORD", descriptionKey = "send.pass")
    String pass;

    @Option(names = "--pass-env", paramLabel = "VAR", descriptionKey = "send.passEnv")
    String passEnv;

    @Option(names = "--tls-min", paramLabel = "VERSION", descriptionKey = "send.tlsMin")
    String tlsMin;

    @Option(names = "--tls-max", paramLabel = "VERSION", descriptionKey = "send.tlsMax")
    String tlsMax;

    @Override
    public Integer call() {
        boolean udp = switch (protocol.toLowerCase(Locale.ROOT)) {
            case "tcp" -> false;
            case "udp" -> true;
            default -> throw bad(Cli.TEXT.get("error.protocol", protocol));
        };
        int portNumber = port(port);
        Duration wait = duration("--wait", waitText);
        Duration connectTimeout = duration("--connect-timeout", connectTimeoutText);
        byte[] payload = payload();
        TlsClientSettings tlsSettings = tlsSettings(udp, connectTimeout);
        InetSocketAddress target = new InetSocketAddress(host, portNumber);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (target.isUnresolved()) {
            err.println(Cli.TEXT.get("net.unresolved", host));
            return Cli.FAILED;
        }
        OneShot.Outcome outcome;
        try {
            outcome = udp ? OneShot.udp(target, payload, wait)
                    : OneShot.tcp(target, host, payload, connectTimeout, wait, tlsSettings);
        } catch (NetworkFailure failure) {
            err.println(failure.getMessage());
            return Cli.FAILED;
        }
        if (outcome.tls() != null) {
            out.println(Cli.TEXT.get("send.tls.established", outcome.tls().summary()));
            if (!outcome.tls().peerChain().isEmpty()) {
                CertSummary leaf = outcome.tls().peerChain().getFirst();
                out.println(Cli.TEXT.get("send.tls.certificate", leaf.subject(), leaf.issuer(),
                        leaf.notAfter().toString(), String.join(", ", leaf.subjectAltNames())));
            }
            if (!outcome.tls().localChain().isEmpty()) {
                // Sent only when the server asked for it: this line says it did.
                CertSummary own = outcome.tls().localChain().getFirst();
                out.println(Cli.TEXT.get("send.tls.clientCertificate", own.subject(), own.issuer()));
            }
        }
        out.println(Cli.TEXT.get("send.sent", bytes(payload.length), OneShot.peer(target),
                udp ? "UDP" : tlsSettings != null ? "TLS" : "TCP"));
        for (Reply reply : outcome.replies()) {
            out.println(udp
                    ? Cli.TEXT.get("send.reply.udp", bytes(reply.bytes().length), OneShot.peer(reply.from()),
                    DurationText.of(reply.after()))
                    : Cli.TEXT.get("send.reply.tcp", bytes(reply.bytes().length), DurationText.of(reply.after())));
            printDump(out, reply.bytes());
        }
        if (outcome.replies().isEmpty()) {
            out.println(Cli.TEXT.get("send.noreply", DurationText.of(wait)));
        }
        if (outcome.truncated()) {
            out.println(Cli.TEXT.get("send.truncated", bytes(OneShot.MAX_REPLY)));
        }
        if (outcome.peerClosed()) {
            out.println(Cli.TEXT.get("send.closed"));
        }
        if (outcome.peerReset()) {
            out.println(Cli.TEXT.get("send.reset"));
        }
        return Cli.OK;
    }

    /** One line at a time: a large reply is never built into one string. */
    private static void printDump(PrintWriter out, byte[] bytes) {
        ByteSource source = ByteSource.of(bytes);
        long lines = HexDump.lineCount(bytes.length);
        for (long line = 0; line < lines; line++) {
            out.println(HexDump.line(source, line));
        }
    }

    private byte[] payload() {
        Charset encoding;
        try {
            encoding = Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            throw bad(Cli.TEXT.get("error.charset", charset));
        }
        PayloadSpec payloadSpec = new PayloadSpec(data, hex ? PayloadFormat.HEX : PayloadFormat.TEXT, encoding,
                LineEnding.NONE, true, fields);
        try {
            return FieldTemplate.compile(payloadSpec).next();
        } catch (PayloadFormatException malformed) {
            throw bad(Cli.TEXT.get("error.payload", malformed.getMessage()));
        }
    }

    private int port(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= 65_535) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the text as typed.
        }
        throw bad(Cli.TEXT.get("error.port", text));
    }

    private Duration duration(String option, String text) {
        return CliDuration.parse(text).orElseThrow(() -> bad(Cli.TEXT.get("error.duration", option, text)));
    }

    /** The TLS options as settings; null without {@code --tls}. The options that need it say so without it. */
    private TlsClientSettings tlsSettings(boolean udp, Duration connectTimeout) {
        if (!tls) {
            String stray = insecure ? "--insecure" : sni != null ? "--sni" : alpn != null ? "--alpn"
                    : ca != null ? "--ca" : cert != null ? "--cert" : key != null ? "--key" : pass != null ? "--pass"
                    : passEnv != null ? "--pass-env" : tlsMin != null ? "--tls-min" : tlsMax != null ? "--tls-max"
                    : null;
            if (stray != null) {
                throw bad(Cli.TEXT.get("error.tls.needed", stray));
            }
            return null;
        }
        if (udp) {
            throw bad(Cli.TEXT.get("error.tls.udp"));
        }
        if (sni != null && !TlsClientSettings.isValidServerName(sni.strip())) {
            throw bad(Cli.TEXT.get("error.tls.sni", sni));
        }
        // --connect-timeout 0 means no limit for the connect; the handshake then keeps its default limit.
        TlsClientSettings settings = TlsClientSettings.defaults().withVerify(!insecure).withSni(sni)
                .withExtraCaFile(ca).withHandshakeTimeout(TlsClientSettings.handshakeTimeoutFor(connectTimeout));
        if (alpn != null) {
            settings = settings.withAlpn(List.of(alpn.split(",")));
        }
        TlsVersion min = version("--tls-min", tlsMin, settings.min());
        TlsVersion max = version("--tls-max", tlsMax, settings.max());
        if (min.compareTo(max) > 0) {
            throw bad(Cli.TEXT.get("error.tls.range", min.jdkName(), max.jdkName()));
        }
        return settings.withVersions(min, max).withClientCertificate(clientCertificate());
    }

    private TlsVersion version(String option, String text, TlsVersion fallback) {
        if (text == null) {
            return fallback;
        }
        TlsVersion version = TlsVersion.parse(text);
        if (version == null) {
            throw bad(Cli.TEXT.get("error.tls.version", option, text, TlsVersion.names()));
        }
        return version;
    }

    /**
     * {@code --cert} with {@code --key} and the password, read now: a missing file, a wrong password or a key of
     * another certificate is a usage error naming it, before anything connects. Null without {@code --cert}.
     */
    private KeyMaterial clientCertificate() {
        if (cert == null) {
            String stray = key != null ? "--key" : pass != null ? "--pass" : passEnv != null ? "--pass-env" : null;
            if (stray != null) {
                throw bad(Cli.TEXT.get("error.tls.certNeeded", stray));
            }
            return null;
        }
        if (pass != null && passEnv != null) {
            throw bad(Cli.TEXT.get("error.tls.passBoth"));
        }
        String password = pass;
        if (passEnv != null) {
            password = System.getenv(passEnv);
            if (password == null) {
                throw bad(Cli.TEXT.get("error.tls.passEnv", passEnv));
            }
        }
        if (key != null && KeyFiles.isPkcs12NameOrContent(cert)) {
            throw bad(Cli.TEXT.get("error.tls.keyPkcs12", cert));
        }
        KeyMaterial material = KeyMaterial.of(cert, key, password);
        try {
            TlsContexts.checkClientCertificate(material);
        } catch (TlsSetupException unusable) {
            throw bad(Cli.TEXT.get("error.tls.cert", unusable.getMessage()));
        }
        return material;
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static String bytes(long count) {
        return Cli.TEXT.get(count == 1 ? "bytes.one" : "bytes.other", String.format(Locale.ROOT, "%,d", count));
    }
}
