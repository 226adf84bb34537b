package com.socketworkbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A process run to its end within a time limit: exit code and output (stdout and stderr kept apart). */
record ChildProcess(int exitCode, String out, String err) {

    static ChildProcess run(List<String> command, Path directory, Path scratch, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = scratch.resolve("child.out");
        Path err = scratch.resolve("child.err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // No display: the command line must not need one.
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        // English messages whatever the machine's language, as the tests' own texts are.
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("still running after " + timeoutSeconds + " s: " + command + "\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new ChildProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The java of this test JVM (JDK 25). */
    static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
