package com.socketworkbench.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version from the Maven descriptor the jar plugin puts into the launch jar; a run from target/classes (tests, an
 * IDE) has none and says it is a development build.
 */
final class CliVersion implements IVersionProvider {
    private static final String DESCRIPTOR = "/META-INF/maven/com.socketworkbench/socket-workbench/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[]{Cli.TEXT.get("version", version())};
    }

    static String version() {
        try (InputStream in = CliVersion.class.getResourceAsStream(DESCRIPTOR)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException unreadable) {
            // Fall through: the version is informative only.
        }
        return Cli.TEXT.get("version.unknown");
    }
}
