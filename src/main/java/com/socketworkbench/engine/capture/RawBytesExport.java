package com.socketworkbench.engine.capture;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.engine.net.Endpoints;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Exports the payload bytes byte-exact, one file per connection and direction, into a folder: the bytes sent on a
 * connection in one file, those received in another, each the concatenation of its rows in order. A connection is a
 * connection id with its local and remote address (a UDP endpoint's traffic with one peer counts as one), so a
 * client that reconnected gets files per connection. Files are named
 * {@code <id>-sent-<local>-to-<remote>.bin} and {@code <id>-received-<remote>-to-<local>.bin}, addresses written
 * as file names allow ("127.0.0.1-5000", "__1-5000" for [::1]:5000, see {@link #safe}), made unique with a
 * number when two would collide. Unix socket rows are exported like any other. Rows without payload are counted
 * as left out. Each file is written whole or not at all; files already there with these names are replaced.
 * Blocking file I/O: call it off the FX thread.
 */
public final class RawBytesExport {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.capture.capture");
    private static final int MAX_NAME = 200;

    private record Stream(long connectionId, SocketAddress local, SocketAddress remote, boolean incoming) {
    }

    private RawBytesExport() {
    }

    /** Writes the files into {@code folder} (created if missing); the summary lists them in first-row order. */
    public static ExportSummary write(List<? extends NetEvent> events, Path folder) throws CaptureFileException {
        Objects.requireNonNull(events, "events");
        Map<Stream, List<DataEvent>> streams = new LinkedHashMap<>();
        SkipCounts skipped = new SkipCounts();
        long written = 0;
        for (NetEvent event : events) {
            if (event instanceof DataEvent data) {
                streams.computeIfAbsent(new Stream(data.connectionId(), data.local(), data.remote(), data.incoming()),
                        s -> new ArrayList<>()).add(data);
                written++;
            } else {
                skipped.add(SkipReason.NOT_DATA);
            }
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw CaptureErrors.writing(folder, e);
        }
        List<Path> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Map.Entry<Stream, List<DataEvent>> stream : streams.entrySet()) {
            Path file = folder.resolve(unique(name(stream.getKey()), names));
            AtomicFile.write(file, temporary -> {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    for (DataEvent data : stream.getValue()) {
                        out.write(data.data());
                    }
                }
            });
            files.add(file);
        }
        return new ExportSummary(TEXT.get("format.raw"), files, written, skipped.snapshot());
    }

    private static String name(Stream stream) {
        String local = safe(stream.local());
        String remote = safe(stream.remote());
        String name = stream.incoming()
                ? stream.connectionId() + "-received-" + remote + "-to-" + local
                : stream.connectionId() + "-sent-" + local + "-to-" + remote;
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /**
     * An address as a file name part: "127.0.0.1:5000" is "127.0.0.1-5000", "[::1]:5000" is "__1-5000", a Unix
     * socket's "/tmp/a.sock" is "tmp-a.sock"; anything but letters, digits, dots, dashes and underscores goes.
     */
    static String safe(SocketAddress address) {
        String text = address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? Endpoints.addressText(inet.getAddress()).replace(':', '_') + "-" + inet.getPort()
                : Endpoints.describe(address);
        return text.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+|-+$", "");
    }

    private static String unique(String base, Set<String> taken) {
        String name = base + ".bin";
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n + ".bin";
        }
        return name;
    }
}
