package pownode.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import pownode.i18n.Messages;

/** Prints invalid command lines in the chosen language, naming the option and the accepted values. */
final class LocalizedParameterErrors implements CommandLine.IParameterExceptionHandler {
    private final Messages messages;

    LocalizedParameterErrors(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText(describe(exception)));
        err.println(messages.get("cli.error.help", commandLine.getCommandSpec().qualifiedName()));
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    private String describe(ParameterException exception) {
        if (exception instanceof InvalidOptionException) {
            return exception.getMessage();
        }
        if (exception instanceof UnmatchedArgumentException unmatched) {
            return messages.get("cli.error.unknown", String.join(" ", unmatched.getUnmatched()));
        }
        if (exception instanceof MissingParameterException missing) {
            ArgSpec first = missing.getMissing().get(0);
            String key = first.isOption() ? "cli.error.missingValue" : "cli.error.missingParameter";
            return messages.get(key, names(first));
        }
        ArgSpec spec = exception.getArgSpec();
        if (spec instanceof OptionSpec option && exception.getValue() != null) {
            return InvalidOptionException.describe(messages, option.longestName(), exception.getValue());
        }
        return exception.getMessage();
    }

    private static String names(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.longestName();
        }
        return spec.paramLabel();
    }
}
