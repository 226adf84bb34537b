package com.socketworkbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad arguments: a specific message in the user's language, then the usage (for an unknown or missing argument, where
 * the usage is the answer) or a pointer to it (for a bad value, where the message is), and exit code 2.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        if (exception instanceof UnmatchedArgumentException unmatched) {
            List<String> arguments = unmatched.getUnmatched();
            String first = arguments.isEmpty() ? "" : arguments.getFirst();
            boolean command0 = command.getCommandSpec().parent() == null && !first.startsWith("-");
            err.println(command0 ? Cli.TEXT.get("error.command.unknown", first)
                    : Cli.TEXT.get("error.argument.unknown", String.join(" ", arguments)));
            command.usage(err);
        } else if (exception instanceof MissingParameterException missing) {
            err.println(Cli.TEXT.get("error.missing", missing.getMissing().stream().map(UsageErrors::label)
                    .collect(Collectors.joining(", "))));
            command.usage(err);
        } else {
            err.println(exception.getMessage());
            err.println(Cli.TEXT.get("error.hint", command.getCommandSpec().qualifiedName()));
        }
        return Cli.USAGE;
    }

    private static String label(ArgSpec arg) {
        return switch (arg) {
            case OptionSpec option -> option.longestName();
            case PositionalParamSpec positional -> positional.paramLabel();
            default -> arg.paramLabel();
        };
    }
}
