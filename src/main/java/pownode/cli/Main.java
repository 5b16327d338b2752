package pownode.cli;

import java.util.Locale;
import picocli.CommandLine;
import pownode.i18n.Language;
import pownode.i18n.Messages;

/** Entry point of {@code node.jar}: the peer itself, with {@code broker} and {@code bench} subcommands. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses {@code args}, runs the chosen command and returns its exit code. */
    public static int run(String[] args) {
        return commandLine(args).execute(args);
    }

    /** Builds the command line in the language that {@code --lang} or the system locale selects. */
    public static CommandLine commandLine(String[] args) {
        Language language = languageOf(args, Locale.getDefault());
        // picocli reads its resource bundles in the default locale.
        Locale.setDefault(language.locale());
        Messages messages = Messages.of(language);
        CommandLine commandLine = new CommandLine(new NodeCommand(messages));
        commandLine.addSubcommand(new BrokerCommand(messages));
        commandLine.addSubcommand(new BenchCommand());
        commandLine.addSubcommand(new ReportCommand());
        commandLine.addSubcommand(new CompletionCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new LocalizedParameterErrors(messages));
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            subcommand.setParameterExceptionHandler(new LocalizedParameterErrors(messages));
            subcommand.setCaseInsensitiveEnumValuesAllowed(true);
        }
        return commandLine;
    }

    /**
     * Finds the value of {@code --lang} before picocli parses anything, because the language
     * of picocli's own help and errors must be known first. An invalid value falls back to
     * the system locale here and is reported by the option's validation.
     */
    static Language languageOf(String[] args, Locale systemLocale) {
        for (int i = 0; i < args.length; i++) {
            String value = null;
            if (args[i].equals("--lang") && i + 1 < args.length) {
                value = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                value = args[i].substring("--lang=".length());
            }
            Language chosen = value == null ? null : Language.parseOrNull(value);
            if (chosen != null) {
                return chosen;
            }
        }
        return Language.fromLocale(systemLocale);
    }
}
