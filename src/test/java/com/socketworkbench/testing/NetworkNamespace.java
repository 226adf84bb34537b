package com.socketworkbench.testing;

import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Broadcast and multicast must not touch the host's network: a test runs its checks ({@link NamespaceChecks}) in a JVM
 * inside a new network namespace ({@code unshare -n}, needs root) with lo up and multicast-capable, 224.0.0.0/4 routed
 * to lo, 198.51.100.1/24 on lo, and a veth pair (swb0 with fd00:5357::1, swb1 with 192.0.2.1/24, no IPv6 duplicate
 * address detection) for IPv6 multicast, which Linux does not loop back on lo. Each check becomes one dynamic test;
 * all are skipped, with the reason, where namespaces cannot be created.
 */
public final class NetworkNamespace {

    private static final int SETUP_FAILED = 97;
    private static final String SETUP = String.join(" ",
            "ip link set lo up && ip link set lo multicast on && ip route add 224.0.0.0/4 dev lo",
            "&& ip addr add 198.51.100.1/24 brd + dev lo || exit " + SETUP_FAILED + ";",
            // Without duplicate address detection the veth's link-local addresses are usable at once, not
            // "tentative" (no source address) for the first second or two.
            "echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad;",
            "if ip link add " + NamespaceChecks.VETH_SENDER + " type veth peer name " + NamespaceChecks.VETH_PEER
                    + "; then",
            "ip link set " + NamespaceChecks.VETH_SENDER + " up && ip link set " + NamespaceChecks.VETH_PEER + " up",
            "&& ip -6 addr add fd00:5357::1/64 dev " + NamespaceChecks.VETH_SENDER + " nodad",
            "&& ip addr add 192.0.2.1/24 brd + dev " + NamespaceChecks.VETH_PEER + " || exit " + SETUP_FAILED + "; fi;",
            "exec \"$1\" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp \"$2\" \"$3\" \"$4\"");

    private final String skipReason;
    private final Map<String, String> results;
    private final int exitCode;
    private final String childLog;

    private NetworkNamespace(String skipReason, Map<String, String> results, int exitCode, String childLog) {
        this.skipReason = skipReason;
        this.results = results;
        this.exitCode = exitCode;
        this.childLog = childLog;
    }

    /** Runs {@code checks}' main in a new network namespace (at most 90 s), its files in {@code dir}. */
    public static NetworkNamespace run(Class<?> checks, Path dir) throws IOException, InterruptedException {
        String cannot = cannotUnshare();
        if (cannot != null) {
            return new NetworkNamespace(cannot, Map.of(), -1, "");
        }
        Path resultFile = dir.resolve("results.txt");
        Path log = dir.resolve("child.log");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder("unshare", "-n", "sh", "-c", SETUP, "sh", java,
                System.getProperty("java.class.path"), checks.getName(), resultFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(90, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("the namespace checks did not finish within 90 s; log:\n" + Files.readString(log));
        }
        int exitCode = child.exitValue();
        String childLog = Files.readString(log, StandardCharsets.UTF_8);
        if (exitCode == SETUP_FAILED) {
            return new NetworkNamespace("setting up the network namespace failed (is iproute2 installed?): "
                    + childLog.strip(), Map.of(), exitCode, childLog);
        }
        Map<String, String> results = new HashMap<>();
        if (Files.exists(resultFile)) {
            for (String line : Files.readAllLines(resultFile, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 3);
                results.put(parts[1], line);
            }
        }
        return new NetworkNamespace(null, results, exitCode, childLog);
    }

    /** Null when {@code unshare -n} works here, else why not. */
    private static String cannotUnshare() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "unshare -n did not finish within 10 s";
            }
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return probe.exitValue() == 0 ? null
                    : "cannot create a network namespace (unshare -n needs root): " + output;
        } catch (IOException e) {
            return "unshare (util-linux) is not available: " + e.getMessage();
        }
    }

    /** One test per check id: passes on "PASS", aborts on "SKIP" or when there is no namespace, fails otherwise. */
    public Stream<DynamicTest> tests(List<String> checkIds) {
        return checkIds.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            assumeTrue(skipReason == null, skipReason);
            String line = results.get(id);
            assertNotNull(line, "no result for " + id + " (exit code " + exitCode + "); results " + results
                    + "; child log:\n" + childLog);
            List<String> parts = List.of(line.split(" ", 3));
            if (parts.getFirst().equals("SKIP")) {
                abort(parts.get(2));
            }
            assertEquals("PASS", parts.getFirst(), line + "\nchild log:\n" + childLog);
        }));
    }
}
