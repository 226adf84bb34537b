package com.socketworkbench.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * P3's clients, in a JVM of their own so that the server's JVM holds only its own sockets (each side needs a file
 * descriptor per connection; together they would not fit the usual limit of 20,000). Opens {@code count} plain
 * JDK connections to the port, in batches of 100 with a 10 ms pause (the listener's backlog is 1,024), holds them
 * without reading or writing until its standard input ends, then closes them. Arguments: results file, port,
 * count.
 */
public final class ClientHolder {
    private static final Logger LOG = LoggerFactory.getLogger(ClientHolder.class);

    private ClientHolder() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        List<SocketChannel> clients = new ArrayList<>(count);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                clients.add(SocketChannel.open(Loopback.at(port)));
                if (i % 100 == 99) {
                    LockSupport.parkNanos(10_000_000);
                }
            }
            LOG.info("{} clients connected in {} ms", count, (System.nanoTime() - start) / 1_000_000);
            // Holds them until the server side closes our standard input (bounded by the parent's time limit).
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        } finally {
            for (SocketChannel client : clients) {
                client.close();
            }
        }
        System.exit(0);
    }
}
