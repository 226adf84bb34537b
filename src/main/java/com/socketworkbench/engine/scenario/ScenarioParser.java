package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.fields.FieldTemplate;
import com.socketworkbench.engine.tls.TlsClientSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scenario file (docs/scenarios.md): YAML, checked completely before anything runs, so that a typo is an
 * error at its line and column instead of a failure half-way through a run against a real device.
 */
public final class ScenarioParser {
    static final Duration DEFAULT_WITHIN = Duration.ofSeconds(5);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_TIMES = 100_000_000;

    private static final List<String> TOP_KEYS =
            List.of("name", "vars", "connections", "steps", "within", "connectTimeout", "timeout");
    private static final List<String> CONNECTION_KEYS =
            List.of("tcp", "udp", "listen", "connectTimeout", "within", "tls");
    private static final List<String> LISTEN_KEYS = List.of("tcp", "udp");
    private static final List<String> STEP_KEYS = List.of("send", "expect", "wait", "close", "repeat");
    private static final List<String> SEND_KEYS = List.of("to", "text", "hex", "fields");
    private static final List<String> EXPECT_KEYS = List.of("from", "contains", "regex", "hex", "within", "save");
    private static final List<String> REPEAT_KEYS = List.of("times", "steps");

    private final String file;
    /** Where relative {@code ca:}, {@code cert:}, {@code key:} files are: the file's folder, or the working dir. */
    private final Path baseDir;
    private final Map<String, ConnectionSpec> connections = new LinkedHashMap<>();
    /** Variables that have a value by the step being read: vars, listeners' addresses, earlier saves. */
    private final Set<String> known = new HashSet<>();
    private int nextIndex;

    private ScenarioParser(String file, Path baseDir) {
        this.file = file;
        this.baseDir = baseDir;
    }

    /** Reads the file (UTF-8); errors name it by its file name. */
    public static Scenario parse(Path path) throws IOException, ScenarioException {
        return parse(Files.readString(path, StandardCharsets.UTF_8), path.getFileName().toString(),
                path.toAbsolutePath().getParent());
    }

    /** Reads scenario text; {@code fileName} is what errors and results call it. */
    public static Scenario parse(String text, String fileName) throws ScenarioException {
        return parse(text, fileName, null);
    }

    /** Reads scenario text of a file in {@code folder} (relative TLS files are there; null: working directory). */
    public static Scenario parse(String text, String fileName, Path folder) throws ScenarioException {
        return new ScenarioParser(fileName, folder).scenario(YamlTree.read(text, fileName));
    }

    private Scenario scenario(YamlNode root) throws ScenarioException {
        YamlNode.Mapping top = mapping(root, "scenario");
        checkKeys(top, TOP_KEYS);
        String name = top.entries().containsKey("name") ? string(value(top, "name")) : file;
        Map<String, String> vars = new LinkedHashMap<>();
        if (top.entries().containsKey("vars")) {
            for (YamlNode.Entry entry : mapping(value(top, "vars"), "vars").entries().values()) {
                if (!Template.NAME.matcher(entry.key()).matches()) {
                    throw new ScenarioException(entry.keyLocation(), TEXT.get("error.var.name", entry.key()));
                }
                vars.put(entry.key(), string(entry.value()));
                known.add(entry.key());
            }
        }
        Duration within = top.entries().containsKey("within")
                ? duration(value(top, "within")) : DEFAULT_WITHIN;
        Duration connectTimeout = top.entries().containsKey("connectTimeout")
                ? connectTimeout(value(top, "connectTimeout")) : DEFAULT_CONNECT_TIMEOUT;
        Duration timeout = top.entries().containsKey("timeout") ? duration(value(top, "timeout")) : null;
        if (!top.entries().containsKey("connections")) {
            throw new ScenarioException(top.location(), TEXT.get("error.key.missing", "connections"));
        }
        for (YamlNode.Entry entry : mapping(value(top, "connections"), "connections").entries().values()) {
            connection(entry, within, connectTimeout);
        }
        if (connections.isEmpty()) {
            throw new ScenarioException(top.entries().get("connections").keyLocation(),
                    TEXT.get("error.connections.empty"));
        }
        if (!top.entries().containsKey("steps")) {
            throw new ScenarioException(top.location(), TEXT.get("error.key.missing", "steps"));
        }
        List<Step> steps = steps(value(top, "steps"), 0);
        return new Scenario(name, file, Collections.unmodifiableMap(vars),
                Collections.unmodifiableMap(new LinkedHashMap<>(connections)), steps, timeout);
    }

    // ------------------------------------------------------------------ connections

    private void connection(YamlNode.Entry entry, Duration within, Duration connectTimeout)
            throws ScenarioException {
        String name = entry.key();
        if (!Template.NAME.matcher(name).matches() || name.contains(".")) {
            throw new ScenarioException(entry.keyLocation(), TEXT.get("error.connection.name", name));
        }
        YamlNode.Mapping spec = mapping(entry.value(), "connection");
        checkKeys(spec, CONNECTION_KEYS);
        YamlNode.Mapping where = spec;
        boolean listen = spec.entries().containsKey("listen");
        if (listen) {
            if (spec.entries().containsKey("tcp") || spec.entries().containsKey("udp")) {
                throw new ScenarioException(spec.location(), TEXT.get("error.connection.transport"));
            }
            where = mapping(value(spec, "listen"), "listen");
            checkKeys(where, LISTEN_KEYS);
        }
        boolean tcp = where.entries().containsKey("tcp");
        boolean udp = where.entries().containsKey("udp");
        if (tcp == udp) {
            throw new ScenarioException(where.location(), TEXT.get("error.connection.transport"));
        }
        YamlNode addressNode = value(where, tcp ? "tcp" : "udp");
        Template address = template(addressNode);
        if (!address.hasVariables()) {
            HostPort hostPort = HostPort.parse(address.source());
            if (hostPort == null || !listen && hostPort.port() == 0) {
                throw new ScenarioException(addressNode.location(),
                        TEXT.get("error.address", address.source()));
            }
        }
        Duration ownWithin = spec.entries().containsKey("within") ? duration(value(spec, "within")) : within;
        Duration ownConnect = spec.entries().containsKey("connectTimeout")
                ? connectTimeout(value(spec, "connectTimeout")) : connectTimeout;
        TlsClientSettings tls = TlsSpecParser.of(spec, tcp && !listen, ownConnect, baseDir);
        connections.put(name, new ConnectionSpec(name,
                tcp ? ConnectionSpec.Transport.TCP : ConnectionSpec.Transport.UDP, listen, address, ownConnect,
                ownWithin, entry.keyLocation(), tls));
        if (listen) {
            known.add(name + ".host");
            known.add(name + ".port");
        }
    }

    // ------------------------------------------------------------------ steps

    private List<Step> steps(YamlNode node, int depth) throws ScenarioException {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            throw new ScenarioException(node.location(), TEXT.get("error.type.list", "steps"));
        }
        if (sequence.items().isEmpty()) {
            throw new ScenarioException(node.location(), TEXT.get("error.steps.empty"));
        }
        List<Step> steps = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            steps.add(step(item, depth));
        }
        return List.copyOf(steps);
    }

    private Step step(YamlNode node, int depth) throws ScenarioException {
        YamlNode.Mapping step = mapping(node, "step");
        checkKeys(step, STEP_KEYS);
        if (step.entries().size() != 1) {
            throw new ScenarioException(step.location(), TEXT.get("error.step.one", String.join(", ", STEP_KEYS)));
        }
        YamlNode.Entry entry = step.entries().values().iterator().next();
        int index = nextIndex++;
        SourceLocation at = entry.keyLocation();
        return switch (entry.key()) {
            case "send" -> send(index, depth, at, entry.value());
            case "expect" -> expect(index, depth, at, entry.value());
            case "wait" -> new Step.Wait(index, depth, at, duration(entry.value()));
            case "close" -> new Step.Close(index, depth, at, connectionName(entry.value()));
            default -> repeat(index, depth, at, entry.value());
        };
    }

    private Step send(int index, int depth, SourceLocation at, YamlNode node) throws ScenarioException {
        YamlNode.Mapping send = mapping(node, "send");
        checkKeys(send, SEND_KEYS);
        String to = connectionName(required(send, "to"));
        boolean hex = oneOf(send, "text", "hex").equals("hex");
        YamlNode payloadNode = value(send, hex ? "hex" : "text");
        Template payload = template(payloadNode);
        boolean fields = send.entries().containsKey("fields") && bool(value(send, "fields"));
        if (!payload.hasVariables()) {
            try {
                FieldTemplate.compile(ScenarioRunner.payloadSpec(payload.source(), hex, fields));
            } catch (PayloadFormatException e) {
                throw new ScenarioException(payloadNode.location(), e.getMessage());
            }
        }
        return new Step.Send(index, depth, at, to, payload, hex, fields);
    }

    private Step expect(int index, int depth, SourceLocation at, YamlNode node) throws ScenarioException {
        YamlNode.Mapping expect = mapping(node, "expect");
        checkKeys(expect, EXPECT_KEYS);
        String from = connectionName(required(expect, "from"));
        String key = oneOf(expect, "contains", "regex", "hex");
        YamlNode patternNode = value(expect, key);
        Template source = template(patternNode);
        if (source.source().isEmpty()) {
            throw new ScenarioException(patternNode.location(), TEXT.get("error.pattern.empty", key));
        }
        ExpectPattern pattern;
        Pattern regex = null;
        try {
            pattern = switch (key) {
                case "contains" -> new ExpectPattern.Contains(source);
                case "regex" -> {
                    // With variables the regex is compiled at run time; checking it with placeholders catches typos.
                    regex = ExpectPattern.Regex.compile(source.render(placeholders(source), Pattern::quote));
                    yield new ExpectPattern.Regex(source, source.hasVariables() ? null : regex);
                }
                default -> new ExpectPattern.Hex(source, source.hasVariables() ? null
                        : ExpectPattern.HexPattern.parse(source.source()));
            };
        } catch (ExpectPattern.InvalidPattern e) {
            throw new ScenarioException(patternNode.location(), TEXT.get("error." + key, e.getMessage()));
        } catch (Template.MissingVariable impossible) {
            throw new IllegalStateException(impossible);
        }
        Duration within = expect.entries().containsKey("within") ? duration(value(expect, "within")) : null;
        Map<String, String> save = new LinkedHashMap<>();
        if (expect.entries().containsKey("save")) {
            for (YamlNode.Entry entry : mapping(value(expect, "save"), "save").entries().values()) {
                if (!Template.NAME.matcher(entry.key()).matches()) {
                    throw new ScenarioException(entry.keyLocation(), TEXT.get("error.var.name", entry.key()));
                }
                String group = scalar(entry.value()).text().strip();
                boolean exists = regex != null
                        ? group.equals("0") || groupExists(regex, group)
                        : group.equals("0");
                if (!exists) {
                    throw new ScenarioException(entry.value().location(), regex != null
                            ? TEXT.get("error.save.group", group) : TEXT.get("error.save.whole", key));
                }
                save.put(entry.key(), group);
            }
            known.addAll(save.keySet());
        }
        return new Step.Expect(index, depth, at, from, pattern, within, Collections.unmodifiableMap(save));
    }

    private static boolean groupExists(Pattern regex, String group) {
        if (regex.namedGroups().containsKey(group)) {
            return true;
        }
        try {
            int n = Integer.parseInt(group);
            return n >= 0 && n <= regex.matcher("").groupCount();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Map<String, String> placeholders(Template template) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : template.variables()) {
            values.put(name, "x");
        }
        return values;
    }

    private Step repeat(int index, int depth, SourceLocation at, YamlNode node) throws ScenarioException {
        YamlNode.Mapping repeat = mapping(node, "repeat");
        checkKeys(repeat, REPEAT_KEYS);
        YamlNode timesNode = required(repeat, "times");
        YamlNode.Scalar times = scalar(timesNode);
        int count;
        try {
            count = times.kind() == YamlNode.Scalar.Kind.INTEGER ? Integer.parseInt(times.text().strip()) : -1;
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_TIMES) {
            throw new ScenarioException(timesNode.location(), TEXT.get("error.times", times.text(),
                    String.format("%,d", MAX_TIMES)));
        }
        List<Step> body = steps(required(repeat, "steps"), depth + 1);
        return new Step.Repeat(index, depth, at, count, body);
    }

    // ------------------------------------------------------------------ values

    private String connectionName(YamlNode node) throws ScenarioException {
        String name = string(node);
        if (!connections.containsKey(name)) {
            throw new ScenarioException(node.location(), TEXT.get("error.connection.unknown", name,
                    String.join(", ", connections.keySet())));
        }
        return name;
    }

    private Template template(YamlNode node) throws ScenarioException {
        String text = string(node);
        Template template;
        try {
            template = Template.of(text);
        } catch (Template.BadReference e) {
            throw new ScenarioException(node.location(), TEXT.get("error.var.reference", e.reference));
        }
        for (String name : template.variables()) {
            if (!known.contains(name)) {
                throw new ScenarioException(node.location(), TEXT.get("error.var.unknown", name));
            }
        }
        return template;
    }

    /**
     * A connect (or wait-for-client) time: above zero. The TCP client and the TLS handshake refuse zero when the run
     * starts; said here, it is an error at its line instead of a run that dies on an exception.
     */
    private Duration connectTimeout(YamlNode node) throws ScenarioException {
        Duration duration = duration(node);
        if (duration.isZero() || duration.isNegative()) {
            throw new ScenarioException(node.location(), TEXT.get("error.connectTimeout.zero", scalar(node).text()));
        }
        return duration;
    }

    private Duration duration(YamlNode node) throws ScenarioException {
        YamlNode.Scalar scalar = scalar(node);
        Duration duration = Durations.parse(scalar.text());
        if (duration == null) {
            throw new ScenarioException(node.location(), TEXT.get("error.duration", scalar.text()));
        }
        return duration;
    }

    static boolean bool(YamlNode node) throws ScenarioException {
        YamlNode.Scalar scalar = scalar(node);
        if (scalar.kind() != YamlNode.Scalar.Kind.BOOLEAN) {
            throw new ScenarioException(node.location(), TEXT.get("error.type.boolean", scalar.text()));
        }
        return Boolean.parseBoolean(scalar.text().strip().toLowerCase(java.util.Locale.ROOT));
    }

    static String string(YamlNode node) throws ScenarioException {
        YamlNode.Scalar scalar = scalar(node);
        if (scalar.kind() == YamlNode.Scalar.Kind.NULL) {
            throw new ScenarioException(node.location(), TEXT.get("error.type.empty"));
        }
        return scalar.text();
    }

    private static YamlNode.Scalar scalar(YamlNode node) throws ScenarioException {
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar;
        }
        throw new ScenarioException(node.location(), TEXT.get("error.type.scalar"));
    }

    static YamlNode.Mapping mapping(YamlNode node, String what) throws ScenarioException {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        throw new ScenarioException(node.location(), TEXT.get("error.type.mapping", what));
    }

    static void checkKeys(YamlNode.Mapping mapping, List<String> allowed) throws ScenarioException {
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!allowed.contains(entry.key())) {
                throw new ScenarioException(entry.keyLocation(), TEXT.get("error.key.unknown", entry.key(),
                        String.join(", ", allowed)));
            }
        }
    }

    static YamlNode value(YamlNode.Mapping mapping, String key) {
        return mapping.entries().get(key).value();
    }

    private static YamlNode required(YamlNode.Mapping mapping, String key) throws ScenarioException {
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null) {
            throw new ScenarioException(mapping.location(), TEXT.get("error.key.missing", key));
        }
        return entry.value();
    }

    /** The one key of {@code keys} the mapping has; none or several is an error. */
    private static String oneOf(YamlNode.Mapping mapping, String... keys) throws ScenarioException {
        String found = null;
        for (String key : keys) {
            if (mapping.entries().containsKey(key)) {
                if (found != null) {
                    throw new ScenarioException(mapping.entries().get(key).keyLocation(),
                            TEXT.get("error.key.exclusive", found, key));
                }
                found = key;
            }
        }
        if (found == null) {
            throw new ScenarioException(mapping.location(), TEXT.get("error.key.one", String.join(", ", keys)));
        }
        return found;
    }

    static PayloadFormat format(boolean hex) {
        return hex ? PayloadFormat.HEX : PayloadFormat.TEXT;
    }
}
