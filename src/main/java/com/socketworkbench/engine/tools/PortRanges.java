package com.socketworkbench.engine.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.net.ProcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** Which range a port number falls in (IANA, RFC 6335) and what Linux does with it. */
public final class PortRanges {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.tools.tools");

    public enum Range {
        WELL_KNOWN(0, 1023), REGISTERED(1024, 49151), DYNAMIC(49152, 65535);

        private final int first;
        private final int last;

        Range(int first, int last) {
            this.first = first;
            this.last = last;
        }

        public int first() {
            return first;
        }

        public int last() {
            return last;
        }
    }

    /** An inclusive span of ports, e.g. Linux's ephemeral range 32768-60999. */
    public record PortInterval(int first, int last) {
        public boolean contains(int port) {
            return port >= first && port <= last;
        }

        @Override
        public String toString() {
            return first + "–" + last;
        }
    }

    /**
     * What the running kernel says about ports (Linux only; empty elsewhere).
     *
     * @param ephemeral          net.ipv4.ip_local_port_range: where the kernel picks client ports
     * @param unprivilegedStart  net.ipv4.ip_unprivileged_port_start: the first port any user may bind
     */
    public record KernelPorts(Optional<PortInterval> ephemeral, OptionalInt unprivilegedStart) {
        public static final KernelPorts UNKNOWN = new KernelPorts(Optional.empty(), OptionalInt.empty());

        /** Reads them from a /proc/sys tree; missing or unreadable files give empty values. */
        public static KernelPorts read(Path procSys) {
            Optional<PortInterval> range = readText(procSys.resolve("net/ipv4/ip_local_port_range"))
                    .map(t -> t.strip().split("\\s+"))
                    .filter(p -> p.length == 2 && p[0].matches("\\d+") && p[1].matches("\\d+"))
                    .map(p -> new PortInterval(Integer.parseInt(p[0]), Integer.parseInt(p[1])));
            OptionalInt start = readText(procSys.resolve("net/ipv4/ip_unprivileged_port_start"))
                    .map(String::strip).filter(t -> t.matches("\\d+"))
                    .map(t -> OptionalInt.of(Integer.parseInt(t))).orElse(OptionalInt.empty());
            return new KernelPorts(range, start);
        }

        public static KernelPorts system() {
            return read(Path.of("/proc/sys"));
        }

        private static Optional<String> readText(Path file) {
            return ProcFiles.read(file);
        }
    }

    /**
     * @param port         the port
     * @param range        its IANA range
     * @param label        e.g. "well-known (system) port"
     * @param explanation  what that means for binding and connecting, in plain words
     * @param inEphemeral  true when the kernel may hand this port to outgoing connections
     */
    public record PortClass(int port, Range range, String label, String explanation, boolean inEphemeral) {
    }

    private PortRanges() {
    }

    /** Classifies a port using this machine's kernel settings when readable. */
    public static PortClass classify(int port) {
        return classify(port, KernelPorts.system());
    }

    /** @throws IllegalArgumentException when the number is not a port (0-65535) */
    public static PortClass classify(int port, KernelPorts kernel) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(TEXT.get("ports.error.range", port));
        }
        Range range = port <= 1023 ? Range.WELL_KNOWN : port <= 49151 ? Range.REGISTERED : Range.DYNAMIC;
        String text = switch (range) {
            case WELL_KNOWN -> {
                int unprivileged = kernel.unprivilegedStart().orElse(1024);
                String system = unprivileged == 1024 ? TEXT.get("ports.wellKnown.explanation")
                        : TEXT.get("ports.wellKnown.explanationUnprivileged", unprivileged);
                yield port == 0 ? TEXT.get("ports.port0", system) : system;
            }
            case REGISTERED -> TEXT.get("ports.registered.explanation");
            case DYNAMIC -> TEXT.get("ports.dynamic.explanation");
        };
        String label = switch (range) {
            case WELL_KNOWN -> TEXT.get("ports.wellKnown.label");
            case REGISTERED -> TEXT.get("ports.registered.label");
            case DYNAMIC -> TEXT.get("ports.dynamic.label");
        };
        boolean ephemeral = false;
        if (kernel.ephemeral().isPresent()) {
            PortInterval e = kernel.ephemeral().get();
            ephemeral = port != 0 && e.contains(port);
            text = TEXT.get(ephemeral ? "ports.ephemeral.inside" : "ports.ephemeral.outside", text, e);
        }
        return new PortClass(port, range, label, text, ephemeral);
    }
}
