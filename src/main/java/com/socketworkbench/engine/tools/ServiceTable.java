package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.text.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The services database ({@code /etc/services}): names for port numbers per protocol, what
 * {@code getservbyname} and {@code getservbyport} look up.
 */
public final class ServiceTable {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tools.tools");

    /**
     * One line of the services file: "http 80/tcp www # WorldWideWeb HTTP".
     *
     * @param comment the text after '#', or null
     */
    public record ServiceEntry(String name, int port, String protocol, List<String> aliases, String comment) {
        public ServiceEntry {
            aliases = List.copyOf(aliases);
        }

        /** "80/tcp". */
        public String portAndProtocol() {
            return port + "/" + protocol;
        }
    }

    private final List<ServiceEntry> entries;
    private final List<String> problems;
    private final String source;

    private ServiceTable(List<ServiceEntry> entries, List<String> problems, String source) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
        this.source = source;
    }

    /**
     * Parses text in /etc/services format: "name port/protocol [aliases...] [# comment]". Blank and comment-only lines
     * are skipped; malformed lines are skipped and listed in {@link #problems()}.
     */
    public static ServiceTable parse(String text, String source) {
        List<ServiceEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String comment = null;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                comment = line.substring(hash + 1).strip();
                line = line.substring(0, hash);
            }
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 1 && fields[0].isEmpty()) {
                continue;
            }
            String where = TEXT.get("services.problem.where", i + 1, line.strip());
            if (fields.length < 2) {
                problems.add(TEXT.get("services.problem.noPort", where));
                continue;
            }
            int slash = fields[1].indexOf('/');
            if (slash <= 0 || slash == fields[1].length() - 1) {
                problems.add(TEXT.get("services.problem.badPortProtocol", where, fields[1]));
                continue;
            }
            String portText = fields[1].substring(0, slash);
            if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) > 65_535) {
                problems.add(TEXT.get("services.problem.badPort", where, portText));
                continue;
            }
            entries.add(new ServiceEntry(fields[0], Integer.parseInt(portText),
                    fields[1].substring(slash + 1).toLowerCase(Locale.ROOT),
                    List.of(fields).subList(2, fields.length), comment == null || comment.isEmpty() ? null : comment));
        }
        return new ServiceTable(entries, problems, source);
    }

    /** /etc/services when it exists and lists something, otherwise {@link #builtIn()}. */
    public static ServiceTable load() {
        return load(Path.of("/etc/services"));
    }

    static ServiceTable load(Path file) {
        try {
            ServiceTable table = parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            if (!table.entries.isEmpty()) {
                return table;
            }
        } catch (IOException | SecurityException e) {
            // A missing or unreadable file is normal on some systems; the built-in table stands in.
        }
        return builtIn();
    }

    /** About 60 common services, for systems without /etc/services. */
    public static ServiceTable builtIn() {
        return parse(BuiltInServices.TEXT, "built-in table");
    }

    public List<ServiceEntry> entries() {
        return entries;
    }

    /** Lines that could not be read, with their line numbers. */
    public List<String> problems() {
        return problems;
    }

    /** "/etc/services" or "built-in table". */
    public String source() {
        return source;
    }

    /**
     * Entries whose name or alias is {@code name} (case-insensitive), for {@code protocol} ("tcp", "udp") or any
     * protocol when null — getservbyname.
     */
    public List<ServiceEntry> findByName(String name, String protocol) {
        String wanted = name == null ? "" : name.strip();
        return entries.stream()
                .filter(e -> matchesProtocol(e, protocol))
                .filter(e -> e.name().equalsIgnoreCase(wanted)
                        || e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(wanted)))
                .toList();
    }

    /** Entries for {@code port} and {@code protocol} (any when null) — getservbyport. */
    public List<ServiceEntry> findByPort(int port, String protocol) {
        return entries.stream().filter(e -> e.port() == port && matchesProtocol(e, protocol)).toList();
    }

    /** The ports of a service name, e.g. byName("http", "tcp") = [80]. */
    public List<Integer> byName(String name, String protocol) {
        return findByName(name, protocol).stream().map(ServiceEntry::port).distinct().toList();
    }

    /** The service names of a port, e.g. byPort(53, "udp") = ["domain"]. */
    public List<String> byPort(int port, String protocol) {
        return findByPort(port, protocol).stream().map(ServiceEntry::name).distinct().toList();
    }

    private static boolean matchesProtocol(ServiceEntry e, String protocol) {
        return protocol == null || protocol.isBlank() || e.protocol().equalsIgnoreCase(protocol.strip());
    }
}
