package com.socketworkbench.engine.options;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.text.DurationText;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies a {@link SocketOptionsSpec} to a channel and reads back what the operating system actually granted.
 * Call it before bind (SO_REUSEADDR) and before connect (SO_RCVBUF above 64 KiB, which decides the TCP window
 * scale) for those options to have their full effect.
 */
public final class SocketOptionsApplier {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.options.options");

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    private SocketOptionsApplier() {
    }

    private record Request<T>(SocketOption<T> option, T value) {
    }

    /**
     * Sets every requested option the channel supports, then reads back all options it supports. Requested options
     * it does not support appear as {@link OptionValue#NOT_SUPPORTED} with a note; the two timeouts, which are
     * application settings rather than kernel options, appear when set.
     */
    public static EffectiveOptions apply(NetworkChannel channel, SocketOptionsSpec spec) {
        Set<SocketOption<?>> supported = channel.supportedOptions();
        boolean bound = localAddressOf(channel) != null;
        Map<String, OptionValue> requested = new LinkedHashMap<>();
        Map<String, String> setFailures = new LinkedHashMap<>();
        for (Request<?> request : requests(spec)) {
            String name = request.option().name();
            String asked = OptionExplanations.format(name, request.value());
            if (!supported.contains(request.option())) {
                requested.put(name, new OptionValue(name, asked, OptionValue.NOT_SUPPORTED,
                        OptionExplanations.unsupportedNote(name, socketKind(channel))));
                continue;
            }
            try {
                set(channel, request);
            } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
                setFailures.put(name, OptionValue.NOT_SET + e.getMessage());
            }
            requested.put(name, new OptionValue(name, asked, null, null));
        }

        List<OptionValue> values = new ArrayList<>();
        for (OptionValue read : readAll(channel)) {
            OptionValue asked = requested.remove(read.name());
            if (asked == null) {
                values.add(read);
                continue;
            }
            String note = setFailures.containsKey(read.name()) ? setFailures.get(read.name())
                    : noteFor(channel, spec, read, bound);
            values.add(new OptionValue(read.name(), asked.requested(), read.effective(),
                    note == null || note.isEmpty() ? read.note() : note));
        }
        values.addAll(requested.values());
        values.sort(Comparator.comparingInt(v -> OptionExplanations.rank(v.name())));
        addTimeout(values, OptionExplanations.READ_IDLE_TIMEOUT, spec.readIdleTimeout(), null);
        addTimeout(values, OptionExplanations.CONNECT_TIMEOUT, spec.connectTimeout(),
                channel instanceof SocketChannel ? null : TEXT.get("timeout.connectOnly"));
        return new EffectiveOptions(values);
    }

    /**
     * Reads the channel's options again, keeping what {@code applied} (an earlier {@link #apply} on the same
     * channel) recorded: what was requested, the notes, unsupported requests and the two timeouts. Values can change
     * after apply — Linux grows a receive buffer nobody set as data flows, an abort sets SO_LINGER 0 — so a note is
     * kept only while the value it explains is still the one read back.
     */
    public static EffectiveOptions reread(NetworkChannel channel, EffectiveOptions applied) {
        if (applied == null || applied.values().isEmpty()) {
            return read(channel);
        }
        Map<String, OptionValue> earlier = new LinkedHashMap<>();
        applied.values().forEach(v -> earlier.put(v.name(), v));
        List<OptionValue> values = new ArrayList<>();
        for (OptionValue now : readAll(channel)) {
            OptionValue before = earlier.remove(now.name());
            if (before == null || !before.wasRequested()) {
                values.add(now);
            } else {
                String note = now.effective().equals(before.effective()) ? before.note() : now.note();
                values.add(new OptionValue(now.name(), before.requested(), now.effective(), note));
            }
        }
        List<OptionValue> timeouts = new ArrayList<>();
        for (OptionValue rest : earlier.values()) {
            boolean timeout = rest.name().equals(OptionExplanations.READ_IDLE_TIMEOUT)
                    || rest.name().equals(OptionExplanations.CONNECT_TIMEOUT);
            (timeout ? timeouts : values).add(rest);
        }
        values.sort(Comparator.comparingInt(v -> OptionExplanations.rank(v.name())));
        values.addAll(timeouts);
        return new EffectiveOptions(values);
    }

    /** Reads every option the channel supports, in display order. */
    public static EffectiveOptions read(NetworkChannel channel) {
        return new EffectiveOptions(readAll(channel));
    }

    private static List<OptionValue> readAll(NetworkChannel channel) {
        List<SocketOption<?>> options = new ArrayList<>(channel.supportedOptions());
        options.sort(Comparator.<SocketOption<?>>comparingInt(o -> OptionExplanations.rank(o.name()))
                .thenComparing(SocketOption::name));
        List<OptionValue> values = new ArrayList<>();
        for (SocketOption<?> option : options) {
            try {
                values.add(new OptionValue(option.name(), null,
                        OptionExplanations.format(option.name(), channel.getOption(option)), null));
            } catch (IOException | UnsupportedOperationException e) {
                values.add(new OptionValue(option.name(), null, OptionValue.UNAVAILABLE,
                        TEXT.get("note.unreadable", e.getMessage())));
            }
        }
        return values;
    }

    private static List<Request<?>> requests(SocketOptionsSpec spec) {
        List<Request<?>> all = new ArrayList<>();
        add(all, StandardSocketOptions.SO_REUSEADDR, spec.reuseAddress());
        add(all, StandardSocketOptions.TCP_NODELAY, spec.tcpNoDelay());
        add(all, StandardSocketOptions.SO_KEEPALIVE, spec.keepAlive());
        add(all, StandardSocketOptions.SO_RCVBUF, spec.receiveBuffer());
        add(all, StandardSocketOptions.SO_SNDBUF, spec.sendBuffer());
        add(all, StandardSocketOptions.SO_LINGER, spec.lingerSeconds());
        add(all, StandardSocketOptions.IP_TOS, spec.ipTos());
        add(all, StandardSocketOptions.SO_BROADCAST, spec.broadcast());
        add(all, StandardSocketOptions.IP_MULTICAST_TTL, spec.multicastTtl());
        add(all, StandardSocketOptions.IP_MULTICAST_LOOP, spec.multicastLoopback());
        return all;
    }

    private static <T> void add(List<Request<?>> all, SocketOption<T> option, T value) {
        if (value != null) {
            all.add(new Request<>(option, value));
        }
    }

    private static <T> void set(NetworkChannel channel, Request<T> request) throws IOException {
        channel.setOption(request.option(), request.value());
    }

    private static String noteFor(NetworkChannel channel, SocketOptionsSpec spec, OptionValue read, boolean bound) {
        boolean tcp = !(channel instanceof DatagramChannel);
        return switch (read.name()) {
            case "SO_RCVBUF" -> bufferNote(channel, "SO_RCVBUF", spec.receiveBuffer(), tcp);
            case "SO_SNDBUF" -> bufferNote(channel, "SO_SNDBUF", spec.sendBuffer(), tcp);
            case "SO_REUSEADDR" -> bound ? TEXT.get("note.reuseAfterBind") : null;
            case "IP_TOS" -> tosNote(channel, spec.ipTos(), tcp);
            case "SO_LINGER" -> spec.lingerSeconds() == 0
                    ? TEXT.get("note.lingerAbort") : null;
            default -> null;
        };
    }

    private static String bufferNote(NetworkChannel channel, String name, int requested, boolean tcp) {
        Integer effective = readInt(channel, name.equals("SO_RCVBUF")
                ? StandardSocketOptions.SO_RCVBUF : StandardSocketOptions.SO_SNDBUF);
        if (effective == null) {
            return null;
        }
        KernelLimits limits = KernelLimits.system();
        boolean connected = channel instanceof SocketChannel sc && sc.isConnected();
        return OptionExplanations.bufferNote(name, requested, effective, LINUX,
                name.equals("SO_RCVBUF") ? limits.rmemMax() : limits.wmemMax(), tcp, connected);
    }

    private static String tosNote(NetworkChannel channel, int requested, boolean tcp) {
        Integer effective = readInt(channel, StandardSocketOptions.IP_TOS);
        if (effective == null || effective == requested) {
            return null;
        }
        if (tcp && effective == (requested & ~0x03)) {
            return TEXT.get("note.tosEcn");
        }
        return TEXT.get("note.changed");
    }

    private static Integer readInt(NetworkChannel channel, SocketOption<Integer> option) {
        try {
            return channel.getOption(option);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static void addTimeout(List<OptionValue> values, String name, Duration timeout, String note) {
        if (timeout != null) {
            String text = formatDuration(timeout);
            values.add(new OptionValue(name, text, note == null ? text : OptionValue.NOT_SUPPORTED, note));
        }
    }

    static String formatDuration(Duration d) {
        if (d.isZero()) {
            return TEXT.get("value.waitForever");
        }
        return DurationText.of(d);
    }

    static java.net.SocketAddress localAddressOf(NetworkChannel channel) {
        try {
            return channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** Which kind of socket, for notes: a key of the bundle's {@code kind.*}, or the channel's class name. */
    static String socketKind(NetworkChannel channel) {
        return switch (channel) {
            case SocketChannel ignored -> OptionExplanations.SOCKET_KIND_CONNECTION;
            case ServerSocketChannel ignored -> OptionExplanations.SOCKET_KIND_LISTENING;
            case DatagramChannel ignored -> OptionExplanations.SOCKET_KIND_DATAGRAM;
            default -> channel.getClass().getSimpleName();
        };
    }
}
