package com.socketworkbench.cli;

import com.socketworkbench.engine.text.Texts;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

/**
 * The headless command line: {@code send} (once, Packet Sender style) and {@code run} (scenario files). Nothing here
 * touches JavaFX, so it runs without a display and starts in a fraction of the window's time.
 *
 * <p>Exit codes: 0 success, 1 a network failure or a failed scenario step, 2 bad arguments or an invalid file.
 * Output goes to the command line's own writers (stdout/stderr), not to the log: it is the program's answer.
 */
@Command(name = Cli.NAME, mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        versionProvider = CliVersion.class, subcommands = {SendCommand.class, RunCommand.class})
public final class Cli implements Callable<Integer> {
    static final String NAME = "socket-workbench";
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** The same property the window reads for its language: {@code zh-CN} or {@code en}. */
    static final String LOCALE_PROPERTY = "socketworkbench.locale";
    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    static {
        // The command's answer is its output: the engine's info logs (a scenario finished, a socket closed) would
        // only clutter it. Warnings and errors still show; -Dorg.slf4j.simpleLogger.defaultLogLevel=info brings the
        // rest back. Here, before the first field below: the bundle's class makes the first logger, which reads it.
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, "warn");
        }
    }

    static final Texts TEXT = Texts.bundle("com.socketworkbench.cli.cli");
    private static final String USAGE_BUNDLE = "com.socketworkbench.cli.usage";

    @Spec
    CommandSpec spec;

    /** Entry point of the command line alone (bin/socket-workbench): exits with the command's code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line in this process's language, with picocli's stdout/stderr writers. */
    public static int execute(String[] args) {
        String property = System.getProperty(LOCALE_PROPERTY);
        Texts.use(property != null && !property.isBlank() ? Locale.forLanguageTag(property.trim())
                : Locale.getDefault());
        return commandLine().execute(WholeCommandLine.split(args));
    }

    /** Runs the command line writing to {@code out} and {@code err} (tests), in the language {@link Texts} uses. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(WholeCommandLine.split(args));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree with texts in the current language and the exit codes above. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setResourceBundle(ResourceBundle.getBundle(USAGE_BUNDLE, Texts.locale(), Cli.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        describe(commandLine, "command.root");
        describe(commandLine.getSubcommands().get(SendCommand.NAME), "command.send");
        describe(commandLine.getSubcommands().get(RunCommand.NAME), "command.run");
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setExecutionExceptionHandler((exception, command, parsed) -> {
            command.getErr().println(TEXT.get("error.internal", exception));
            // A bug, not a user error: the stack trace goes with it.
            LoggerFactory.getLogger(Cli.class).error("Command failed", exception);
            return FAILED;
        });
        commandLine.setExitCodeExceptionMapper(exception -> FAILED);
        return commandLine;
    }

    private static void describe(CommandLine command, String key) {
        command.getCommandSpec().usageMessage().description(TEXT.get(key));
    }

    /** No command given: the usage, as a usage error (the window is the launcher's business, not ours). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }
}
