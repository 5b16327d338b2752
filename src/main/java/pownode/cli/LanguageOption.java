package pownode.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import pownode.i18n.Language;
import pownode.i18n.Messages;

/**
 * The {@code --lang} option of every command. {@link Main} reads its value before picocli
 * parses anything; this mixin documents it in the help and rejects invalid values.
 */
final class LanguageOption {
    @Option(names = "--lang", paramLabel = "pt|en", descriptionKey = "option.lang")
    private String lang;

    /** Throws an {@link InvalidOptionException} when {@code --lang} is neither pt nor en. */
    void validate(CommandLine commandLine, Messages messages) {
        if (lang != null && Language.parseOrNull(lang) == null) {
            throw new InvalidOptionException(commandLine, InvalidOptionException.describe(messages, "--lang", lang));
        }
    }
}
