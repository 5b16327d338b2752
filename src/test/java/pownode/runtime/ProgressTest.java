package pownode.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import pownode.i18n.Language;
import pownode.i18n.Messages;
import pownode.protocol.Difficulty;

/** The miner's progress in plain mode (logs and pipes) and in terminal mode (a live status line). */
class ProgressTest {

    @Test
    void plainProgress_printsLineEveryInterval() {
        PlainProgress progress = new PlainProgress(new Presenter(Messages.of(Language.EN), 10, Difficulty.HEX, "sd"));

        String output;
        try (StandardOutput out = new StandardOutput()) {
            progress.started(7, 6, 16_777_216, 0);
            progress.update(1_000_000, PlainProgress.INTERVAL_MILLIS - 1);
            String beforeInterval = out.text();
            progress.update(20_000_000, PlainProgress.INTERVAL_MILLIS);
            output = out.text();

            assertThat(beforeInterval).isEmpty();
        }

        assertThat(output).contains("TransactionID 7: 20000000 candidates of about 16,777,216 expected (119%)");
        assertThat(output).contains("4,000,000 hashes/s, 5 s.");
    }

    @Test
    void plainProgress_silentAfterStop() {
        PlainProgress progress = new PlainProgress(new Presenter(Messages.of(Language.EN), 10, Difficulty.HEX, "sd"));

        String output;
        try (StandardOutput out = new StandardOutput()) {
            progress.started(7, 6, 16_777_216, 0);
            progress.stopped();
            progress.update(1_000_000, PlainProgress.INTERVAL_MILLIS * 3);
            output = out.text();
        }

        assertThat(output).isEmpty();
    }

    @Test
    void terminalProgress_showsShareBeyondExpected() {
        try (StandardOutput out = new StandardOutput()) {
            TerminalProgress progress = new TerminalProgress(Messages.of(Language.EN));
            try {
                progress.started(3, 5, 1_048_576, 0);
                progress.update(524_288, 0);

                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(out.text()).containsPattern("Tx 3 C5 +50%"));

                progress.update(2_097_152, 0);

                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(out.text()).contains("200% of the expected hashes"));
            } finally {
                progress.stopped();
            }
        }
    }
}
