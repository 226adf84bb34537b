package com.socketworkbench.engine.udp;

import com.socketworkbench.engine.net.ProcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The kernel's UDP drop counters on Linux: system-wide (per network namespace) from /proc/net/snmp and
 * /proc/net/snmp6, and per socket from /proc/net/udp and /proc/net/udp6. Everything is empty elsewhere.
 */
public final class UdpKernelStats {

    static final Path SNMP = Path.of("/proc/net/snmp");
    static final Path SNMP6 = Path.of("/proc/net/snmp6");
    static final Path UDP = Path.of("/proc/net/udp");
    static final Path UDP6 = Path.of("/proc/net/udp6");

    private UdpKernelStats() {
    }

    /** Datagrams dropped because a socket's receive buffer was full: Udp RcvbufErrors + Udp6RcvbufErrors. */
    public static OptionalLong receiveBufferErrors() {
        return receiveBufferErrors(SNMP, SNMP6);
    }

    /** Datagrams that could not be delivered (includes receive-buffer drops): Udp InErrors + Udp6InErrors. */
    public static OptionalLong inErrors() {
        return inErrors(SNMP, SNMP6);
    }

    static OptionalLong receiveBufferErrors(Path snmp, Path snmp6) {
        return sum(snmp, "RcvbufErrors", snmp6, "Udp6RcvbufErrors");
    }

    static OptionalLong inErrors(Path snmp, Path snmp6) {
        return sum(snmp, "InErrors", snmp6, "Udp6InErrors");
    }

    /** Drops counted for sockets bound to this local port (all of them, IPv4 and IPv6, when the port is shared). */
    public static OptionalLong socketDrops(int localPort) {
        OptionalLong v4 = read(UDP).map(text -> parseSocketDrops(text, localPort)).orElse(OptionalLong.empty());
        OptionalLong v6 = read(UDP6).map(text -> parseSocketDrops(text, localPort)).orElse(OptionalLong.empty());
        return add(v4, v6);
    }

    /**
     * The values of one section of /proc/net/snmp, where a header line ("Udp: InDatagrams NoPorts ...") is followed
     * by a value line with the same prefix.
     */
    public static Map<String, Long> parseSnmp(String text, String section) {
        String prefix = section + ":";
        List<String> lines = text.lines().filter(line -> line.startsWith(prefix)).toList();
        Map<String, Long> values = new HashMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String[] names = lines.get(i).substring(prefix.length()).trim().split("\\s+");
            String[] numbers = lines.get(i + 1).substring(prefix.length()).trim().split("\\s+");
            for (int j = 0; j < Math.min(names.length, numbers.length); j++) {
                OptionalLong value = parse(numbers[j]);
                if (!names[j].isEmpty() && value.isPresent()) {
                    values.put(names[j], value.getAsLong());
                }
            }
        }
        return values;
    }

    /** The "Name value" lines of /proc/net/snmp6. */
    public static Map<String, Long> parseSnmp6(String text) {
        Map<String, Long> values = new HashMap<>();
        for (String line : text.lines().map(String::trim).toList()) {
            String[] parts = line.split("\\s+");
            OptionalLong value = parts.length == 2 ? parse(parts[1]) : OptionalLong.empty();
            if (value.isPresent()) {
                values.put(parts[0], value.getAsLong());
            }
        }
        return values;
    }

    /** Sum of the "drops" column (the last) of /proc/net/udp or udp6 rows whose local port matches. */
    public static OptionalLong parseSocketDrops(String text, int localPort) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.getFirst().contains("local_address")) {
            return OptionalLong.empty();
        }
        String wantedPort = String.format(Locale.ROOT, "%04X", localPort);
        long drops = 0;
        boolean found = false;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 3) {
                continue;
            }
            String local = fields[1];
            int colon = local.lastIndexOf(':');
            if (colon < 0 || !local.substring(colon + 1).equalsIgnoreCase(wantedPort)) {
                continue;
            }
            OptionalLong value = parse(fields[fields.length - 1]);
            if (value.isPresent()) {
                drops += value.getAsLong();
                found = true;
            }
        }
        return found ? OptionalLong.of(drops) : OptionalLong.empty();
    }

    private static OptionalLong sum(Path snmp, String snmpName, Path snmp6, String snmp6Name) {
        OptionalLong v4 = read(snmp).map(text -> lookup(parseSnmp(text, "Udp"), snmpName))
                .orElse(OptionalLong.empty());
        OptionalLong v6 = read(snmp6).map(text -> lookup(parseSnmp6(text), snmp6Name))
                .orElse(OptionalLong.empty());
        return add(v4, v6);
    }

    private static OptionalLong lookup(Map<String, Long> values, String name) {
        Long value = values.get(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static OptionalLong add(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalLong.of(a.getAsLong() + b.getAsLong());
    }

    private static OptionalLong parse(String number) {
        try {
            return OptionalLong.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<String> read(Path file) {
        return ProcFiles.read(file);
    }
}
