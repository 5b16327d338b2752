package pownode.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import pownode.i18n.Messages;

/** An option value that failed this program's own checks; the message is already localized. */
final class InvalidOptionException extends ParameterException {

    InvalidOptionException(CommandLine commandLine, String message) {
        super(commandLine, message);
    }

    /** Builds the message for an invalid {@code value} of the option {@code name}, for example {@code --nodes}. */
    static String describe(Messages messages, String name, String value) {
        String accepted = messages.get("accepted." + name.replaceFirst("^-+", ""));
        return messages.get("cli.error.invalidValue", name, value, accepted);
    }
}
