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

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code send tcp|udp HOST PORT DATA}: sends DATA once and prints what comes back within {@code --wait} as a hex dump.
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
        InetSocketAddress target = new InetSocketAddress(host, portNumber);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (target.isUnresolved()) {
            err.println(Cli.TEXT.get("net.unresolved", host));
            return Cli.FAILED;
        }
        OneShot.Outcome outcome;
        try {
            outcome = udp ? OneShot.udp(target, payload, wait) : OneShot.tcp(target, payload, connectTimeout, wait);
        } catch (NetworkFailure failure) {
            err.println(failure.getMessage());
            return Cli.FAILED;
        }
        out.println(Cli.TEXT.get("send.sent", bytes(payload.length), OneShot.peer(target), udp ? "UDP" : "TCP"));
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

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static String bytes(long count) {
        return Cli.TEXT.get(count == 1 ? "bytes.one" : "bytes.other", String.format(Locale.ROOT, "%,d", count));
    }
}
