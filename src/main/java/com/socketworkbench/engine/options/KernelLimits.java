package com.socketworkbench.engine.options;

import com.socketworkbench.engine.net.ProcFiles;
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
        try {
            return ProcFiles.read(file).map(String::strip).map(t -> OptionalLong.of(Long.parseLong(t)))
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
