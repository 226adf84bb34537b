package com.socketworkbench.testing;

import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The child side of {@link NetworkNamespace}: runs named checks one after the other and writes one result line per
 * check ("PASS id", "FAIL id why", "SKIP id why") to the results file. The guard refuses to run anything if an
 * interface other than lo and the veth pair is visible, i.e. outside a private network namespace.
 */
public final class NamespaceChecks {

    public static final String VETH_SENDER = "swb0";
    public static final String VETH_PEER = "swb1";
    private static final Set<String> EXPECTED_INTERFACES = Set.of("lo", VETH_SENDER, VETH_PEER);

    /** One check; what it opens goes into {@code cleanup}, closed in reverse order after it. */
    @FunctionalInterface
    public interface Check {
        void run(List<AutoCloseable> cleanup) throws Exception;
    }

    /** Ends a check as skipped, with the reason. */
    public static final class Skip extends RuntimeException {
        public Skip(String reason) {
            super(reason);
        }
    }

    private NamespaceChecks() {
    }

    /** Runs {@code checks} (in order) and exits: 0 when none failed, 1 when one did, 2 outside a namespace. */
    public static void runAndExit(Path results, Map<String, Check> checks) throws Exception {
        Set<String> visible = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .map(NetworkInterface::getName).collect(Collectors.toSet());
        if (!EXPECTED_INTERFACES.containsAll(visible)) {
            append(results, "FAIL guard not in a private network namespace (interfaces: " + visible + ")");
            System.exit(2);
        }
        boolean failed = false;
        for (Map.Entry<String, Check> check : checks.entrySet()) {
            List<AutoCloseable> cleanup = new ArrayList<>();
            String line;
            try {
                check.getValue().run(cleanup);
                line = "PASS " + check.getKey();
            } catch (Skip skip) {
                line = "SKIP " + check.getKey() + " " + skip.getMessage();
            } catch (Throwable t) {
                failed = true;
                line = "FAIL " + check.getKey() + " " + oneLine(t);
            } finally {
                for (AutoCloseable closeable : cleanup.reversed()) {
                    closeable.close();
                }
            }
            append(results, line);
        }
        System.exit(failed ? 1 : 0);
    }

    /** Skips the check when the namespace has no veth pair (IPv6 multicast and a real interface need it). */
    public static void requireVeth() throws Exception {
        if (NetworkInterface.getByName(VETH_SENDER) == null) {
            throw new Skip("no veth pair in the namespace (could not create one); IPv6 multicast needs it because "
                    + "Linux does not loop IPv6 multicast back on lo");
        }
    }

    public static void expect(Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    public static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** The throwable and the line of the first frame in a checks class (one whose name ends in "Checks"). */
    private static String oneLine(Throwable t) {
        StringBuilder text = new StringBuilder(t.toString());
        for (StackTraceElement frame : t.getStackTrace()) {
            String name = frame.getClassName();
            if (name.endsWith("Checks") && !name.equals(NamespaceChecks.class.getName())) {
                text.append(" at ").append(name.substring(name.lastIndexOf('.') + 1)).append(" line ")
                        .append(frame.getLineNumber());
                break;
            }
        }
        return text.toString().replace('\n', ' ');
    }

    private static void append(Path results, String line) throws java.io.IOException {
        Files.writeString(results, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
