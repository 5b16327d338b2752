package pownode.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import pownode.transport.TransportListener.DropReason;

/** The English and Portuguese resource bundles stay complete and well-formed. */
class BundlesTest {
    /** A single quote that is not doubled starts a quoted section in MessageFormat and hides the text after it. */
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    @ParameterizedTest
    @ValueSource(strings = {"i18n/messages", "i18n/broker", "i18n/bench", "i18n/report"})
    void bundle_hasSameKeysInBothLanguages(String baseName) {
        Set<String> english = Messages.of(baseName, Language.EN).bundle().keySet();
        Set<String> portuguese = Messages.of(baseName, Language.PT).bundle().keySet();

        assertThat(portuguese).as("keys missing in Portuguese").containsAll(english);
        assertThat(english).as("keys missing in English").containsAll(portuguese);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/messages", "i18n/broker", "i18n/bench", "i18n/report"})
    void patternsWithArguments_parseAndEscapeQuotes(String baseName) {
        for (Language language : Language.values()) {
            ResourceBundle bundle = Messages.of(baseName, language).bundle();
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                if (!PLACEHOLDER.matcher(pattern).find()) {
                    continue;
                }
                assertThat(LONE_QUOTE.matcher(pattern).find()).as("lone quote in %s (%s)", key, language).isFalse();
                assertThat(new MessageFormat(pattern, language.locale()).getFormats())
                        .as("placeholders of %s (%s)", key, language).isNotEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DropReason.class)
    void dropReason_hasWarningInBothLanguages(DropReason reason) {
        for (Language language : Language.values()) {
            String text = Messages.of(language).get("transport.dropped." + reason.name(), "sd/solution");

            assertThat(text).as("%s in %s", reason, language).contains("sd/solution");
        }
    }
}
