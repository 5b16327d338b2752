package pownode.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pownode.i18n.Language;
import pownode.i18n.Messages;
import pownode.protocol.Difficulty;
import pownode.report.InvalidEventsException;
import pownode.report.RunReport;

/**
 * {@code java -jar node.jar report}: writes an HTML page about one run from its nodes'
 * events files. Exits 2 for an invalid option or an events file that is missing or
 * invalid, 1 when an existing events file cannot be read or the page cannot be written.
 */
@Command(name = "report", mixinStandardHelpOptions = true, version = "pow-node 0.1.0",
        resourceBundle = "i18n.report", usageHelpAutoWidth = true)
final class ReportCommand implements Callable<Integer> {
    static final String BUNDLE = "i18n/report";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "${bundle:label.eventsFile:-EVENTS_FILE}", descriptionKey = "param.files")
    private List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "${bundle:label.file:-FILE}", defaultValue = "report.html",
            descriptionKey = "option.output")
    private Path output;

    @Option(names = "--difficulty-unit", paramLabel = "hex|bits", descriptionKey = "option.difficulty-unit")
    private String difficultyUnit;

    @Mixin
    private LanguageOption language;

    private final Messages messages = Messages.of(BUNDLE, Language.fromLocale(Locale.getDefault()));

    @Override
    public Integer call() {
        Difficulty unit = checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        String html;
        RunReport report = new RunReport(messages, unit);
        try {
            html = report.render(files);
        } catch (InvalidEventsException e) {
            err.println(describe(e));
            return 2;
        } catch (NoSuchFileException e) {
            err.println(messages.get("error.notFound", e.getFile()));
            return 2;
        } catch (FileSystemException e) {
            err.println(messages.get("error.read", e.getFile(), String.valueOf(e.getReason())));
            return 1;
        } catch (IOException e) {
            err.println(messages.get("error.read", files, String.valueOf(e.getMessage())));
            return 1;
        }
        for (InvalidEventsException warning : report.warnings()) {
            err.println(messages.get("warning.prefix", describe(warning)));
        }
        return write(html);
    }

    /** Validates {@code --lang} and {@code --difficulty-unit}; returns the unit, or null to infer it. */
    private Difficulty checkOptions() {
        language.validate(spec.commandLine(), messages);
        if (difficultyUnit == null) {
            return null;
        }
        try {
            return Difficulty.parse(difficultyUnit);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(spec.commandLine(),
                    InvalidOptionException.describe(messages, "--difficulty-unit", difficultyUnit));
        }
    }

    private int write(String html) {
        Path absolute = output.toAbsolutePath();
        try {
            Files.writeString(absolute, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            spec.commandLine().getErr().println(messages.get("error.write", absolute, e.toString()));
            return 1;
        }
        spec.commandLine().getOut().println(messages.get("report.written", absolute));
        return 0;
    }

    private String describe(InvalidEventsException e) {
        String problem = messages.get(e.key(), e.args());
        if (e.line() == 0) {
            return messages.get("error.inFile", e.file(), problem);
        }
        return messages.get("error.atLine", e.file(), e.line(), problem);
    }
}
