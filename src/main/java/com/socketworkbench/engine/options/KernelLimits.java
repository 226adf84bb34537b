package com.socketworkbench.engine.options;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Linux kernel settings under /proc/sys that explain why a socket got less than it asked for. */
record KernelLimits(OptionalLong rmemMax, OptionalLong wmemMax) {

    static final String RMEM_MAX = "net/core/rmem_max";
    static final String WMEM_MAX = "net/core/wmem_max";

    static KernelLimits of(Path procSys) {
        return new KernelLimits(readLong(procSys.resolve(RMEM_MAX)), readLong(procSys.resolve(WMEM_MAX)));
    }

    static KernelLimits system() {
        return of(Path.of("/proc/sys"));
    }

    static OptionalLong readLong(Path file) {
        // Not Files.readString: for a /proc file, which reports size 0, it returned only the first byte ("4" for
        // 4194304) on a Linux 6.18 kernel with JDK 25; a plain stream reads to the end.
        try (InputStream in = Files.newInputStream(file)) {
            return OptionalLong.of(Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
