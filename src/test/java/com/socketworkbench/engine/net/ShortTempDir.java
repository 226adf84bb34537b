package com.socketworkbench.engine.net;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary directories directly under /tmp: Unix domain socket paths may have only about 100 bytes, and the
 * default temporary directory can be deep (macOS, some CI runners). Use with {@code @TempDir(factory = ...)}.
 */
public final class ShortTempDir implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
            throws Exception {
        return Files.createTempDirectory(Path.of("/tmp"), "swb");
    }
}
