package com.socketworkbench.engine.options;

import java.io.IOException;
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
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
