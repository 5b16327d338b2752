package pownode.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pownode.i18n.Language;
import pownode.i18n.Messages;

/**
 * Opens the report of the recorded run in headless Chromium. Skipped when
 * /usr/bin/chromium is not installed ({@code apt-get install -y chromium}).
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long BROWSER_TIMEOUT_SECONDS = 120;

    @TempDir
    Path folder;

    private Path page;

    @BeforeEach
    void writePage() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium is not installed at " + CHROMIUM);
        String html = new RunReport(Messages.of("i18n/report", Language.EN), null).render(RecordedRun.files());
        page = folder.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
    }

    @Test
    void page_decodesEveryChartWithoutErrors() throws Exception {
        Path dom = folder.resolve("dom.html");

        int exitCode = chromium(dom, "--virtual-time-budget=5000", "--dump-dom");

        assertThat(exitCode).isZero();
        String text = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(text).contains("data-charts-decoded=\"3/3\"");
        assertThat(text).contains("data-load-errors=\"0\"");
    }

    @Test
    void page_screenshotHasWindowSize() throws Exception {
        Path screenshot = folder.resolve("report.png");

        int exitCode = chromium(folder.resolve("chromium-output.txt"),
                "--screenshot=" + screenshot, "--window-size=1200,2000");

        assertThat(exitCode).isZero();
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(2000);
    }

    /** Runs Chromium on the page with its own profile folder, standard output to {@code output}. */
    private int chromium(Path output, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(folder, "profile")));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(folder.resolve("chromium-errors.txt").toFile())
                .start();
        if (!process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not exit within " + BROWSER_TIMEOUT_SECONDS + " s: " + command);
        }
        return process.exitValue();
    }
}
