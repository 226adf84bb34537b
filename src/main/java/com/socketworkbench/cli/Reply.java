package com.socketworkbench.cli;

import java.net.InetSocketAddress;
import java.time.Duration;

/** Bytes that came back: over TCP everything received in the wait, over UDP one datagram and its sender. */
record Reply(byte[] bytes, InetSocketAddress from, Duration after) {
}
