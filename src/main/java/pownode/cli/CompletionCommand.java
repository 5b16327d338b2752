package pownode.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pownode.i18n.Language;
import pownode.i18n.Messages;

/**
 * {@code java -jar node.jar generate-completion}: prints a bash and zsh completion script
 * for the command {@code node.jar}. It does what picocli's {@code GenerateCompletion} does,
 * with help text from the report bundle so that it exists in pt and en. Its keys there are
 * prefixed with the qualified command name, because picocli reads those before plain keys.
 */
@Command(name = "generate-completion", mixinStandardHelpOptions = true, version = "pow-node 0.1.0",
        resourceBundle = "i18n.report", usageHelpAutoWidth = true)
final class CompletionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LanguageOption language;

    @Override
    public Integer call() {
        language.validate(spec.commandLine(),
                Messages.of(ReportCommand.BUNDLE, Language.fromLocale(Locale.getDefault())));
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash(spec.root().name(), root);
        PrintWriter out = spec.commandLine().getOut();
        out.print(script);
        out.print('\n');
        out.flush();
        return 0;
    }
}
