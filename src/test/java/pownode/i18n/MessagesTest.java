package pownode.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "EN; 1; Finished after 1 accepted result.",
        "EN; 3; Finished after 3 accepted results.",
        "PT; 1; Encerrado após 1 resultado aceito.",
        "PT; 3; Encerrado após 3 resultados aceitos.",
    })
    void pluralChoice_matchesCount(Language language, int count, String expected) {
        assertThat(Messages.of(language).get("event.roundsCompleted", count)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "EN; Scoreboard after 2 accepted results (wins per ClientID):",
        "PT; Placar após 2 resultados aceitos (vitórias por ClientID):",
    })
    void pluralChoice_worksWithLongCounts(Language language, String expected) {
        assertThat(Messages.of(language).get("scoreboard.header", 2L)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"EN", "PT"})
    void plainArgument_printsClientIdWithoutGrouping(Language language) {
        assertThat(Messages.of(language).get("scoreboard.wins", 4711, 12)).contains("4711").doesNotContain("4,711", "4.711");
    }
}
