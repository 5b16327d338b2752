package pownode.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import pownode.i18n.Language;
import pownode.i18n.Messages;
import pownode.protocol.Difficulty;

class RunReportTest {
    private static final Pattern ROUND_ROW =
            Pattern.compile("<tr data-event=\"round\" data-transaction-id=\"(\\d+)\" data-winner=\"(-?\\d+)\"[^>]*>");
    private static final Pattern CHART =
            Pattern.compile("<img class=\"chart\"[^>]* src=\"data:image/png;base64,([^\"]+)\">");

    private static String render(Language language, Difficulty unit) throws Exception {
        return new RunReport(Messages.of("i18n/report", language), unit).render(RecordedRun.files());
    }

    @Test
    void timeline_showsDiscoveryAndElection() throws Exception {
        String html = render(Language.EN, null);

        assertThat(html).contains("<tr data-event=\"discovered\">");
        assertThat(html).contains("Discovered 4 participants: 11913, 45378, 51705, 53708");
        assertThat(html)
                .contains("<tr data-event=\"elected\" data-election=\"0\" data-leader=\"" + RecordedRun.LEADER + "\">");
        assertThat(html).contains("Election 0: elected 53708 as leader (vote 54163)");
        assertThat(html).contains("Election 0: leader 53708 (vote 54163).");
    }

    @Test
    void timeline_showsEachRoundWinner() throws Exception {
        String html = render(Language.EN, null);

        List<Integer> transactionIds = new ArrayList<>();
        List<Integer> winners = new ArrayList<>();
        Matcher rows = ROUND_ROW.matcher(html);
        while (rows.find()) {
            transactionIds.add(Integer.parseInt(rows.group(1)));
            winners.add(Integer.parseInt(rows.group(2)));
        }

        assertThat(transactionIds).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(winners).isEqualTo(RecordedRun.WINNERS);
        assertThat(html).contains("Round 3: Challenge 5, won by 45378 after");
    }

    @Test
    void page_embedsThreeDecodablePngCharts() throws Exception {
        String html = render(Language.EN, null);

        List<BufferedImage> images = new ArrayList<>();
        Matcher charts = CHART.matcher(html);
        while (charts.find()) {
            images.add(decode(charts.group(1)));
        }

        assertThat(images).hasSize(3);
        for (BufferedImage image : images) {
            assertThat(image).isNotNull();
            assertThat(image.getWidth()).isEqualTo(ReportCharts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(ReportCharts.HEIGHT);
        }
    }

    @Test
    void page_needsNoNetwork() throws Exception {
        String html = render(Language.EN, null);

        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link");
    }

    @Test
    void page_inPortuguese() throws Exception {
        String html = render(Language.PT, null);

        assertThat(html).contains("<html lang=\"pt-BR\">");
        assertThat(html).contains("Eleição 0: elegeu 53708 como líder (voto 54163)");
        assertThat(html).contains("Rodada 0: Challenge 4, vencida por 51705 após");
    }

    @Test
    void unit_inferredAsHexFromRecordedRun() throws Exception {
        String html = render(Language.EN, null);

        assertThat(html).contains("Difficulty unit: hex, inferred from the solutions.");
    }

    @Test
    void unit_fromOptionIsShownAsSet() throws Exception {
        String html = render(Language.EN, Difficulty.BITS);

        assertThat(html).contains("Difficulty unit: bits, set with --difficulty-unit.");
        assertThat(html).contains("2^Challenge hashes");
    }

    private static BufferedImage decode(String base64) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }
}
