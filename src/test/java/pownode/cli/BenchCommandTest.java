package pownode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import pownode.i18n.Language;

class BenchCommandTest {
    private static final Pattern LAST_LINE = Pattern.compile("hashes_per_second=(\\d+) threads=(\\d+) kernel=(\\S+)");

    private Locale savedLocale;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void saveLocale() {
        savedLocale = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedLocale);
    }

    /** Runs the command as Main does: the default locale is set before picocli reads the bundle. */
    private int run(Language language, String... args) {
        Locale.setDefault(language.locale());
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void benchPrintsTableAndLastLine() {
        int exitCode = run(Language.EN, "--threads", "2", "--seconds", "0.3", "--warmup-seconds", "0.1",
                "--kernel", "java");

        assertThat(exitCode).as("exit code, stderr: %s", err).isZero();
        String[] lines = out.toString().strip().split("\\R");
        Matcher last = LAST_LINE.matcher(lines[lines.length - 1]);
        assertThat(last.matches()).as("last line of:%n%s", out).isTrue();
        assertThat(Long.parseLong(last.group(1))).isPositive();
        assertThat(last.group(2)).isEqualTo("2");
        assertThat(last.group(3)).isEqualTo("java");
        assertThat(out.toString()).contains("hashes/s", "per thread", "threads reach");
        assertThat(out.toString()).containsPattern("(?m)^java +1 ");
        assertThat(out.toString()).containsPattern("(?m)^java +2 ");
    }

    @Test
    void benchDefaultsToFastestKernel() {
        int exitCode = run(Language.PT, "--threads", "1", "--seconds", "0.2", "--warmup-seconds", "0",
                "--difficulty-unit", "BITS");

        assertThat(exitCode).as("exit code, stderr: %s", err).isZero();
        assertThat(out.toString()).contains("por thread", "160 bits zero");
        assertThat(out.toString()).doesNotContain("threads atingem");
        assertThat(out.toString().strip()).endsWith("threads=1 kernel=" + pownode.mining.Kernels.fastest().name());
    }

    @Test
    void invalidThreadsRejected() {
        int exitCode = run(Language.EN, "--threads", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'0'", "--threads", "a whole number from 1 to 4096");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void invalidThreadsRejectedInPortuguese() {
        int exitCode = run(Language.PT, "--threads", "muitas");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Valor inválido 'muitas' para a opção --threads",
                "um número inteiro de 1 a 4096");
    }

    @Test
    void invalidSecondsRejected() {
        assertThat(run(Language.EN, "--seconds", "0")).isEqualTo(2);
        assertThat(run(Language.EN, "--seconds", "5s")).isEqualTo(2);
        assertThat(run(Language.EN, "--warmup-seconds", "-1")).isEqualTo(2);

        assertThat(err.toString()).contains("'0' for option --seconds", "'5s' for option --seconds",
                "'-1' for option --warmup-seconds", "such as 5 or 0.5");
    }

    @Test
    void invalidUnitRejected() {
        int exitCode = run(Language.EN, "--difficulty-unit", "decimal");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'decimal'", "--difficulty-unit", "hex or bits");
    }

    @Test
    void unknownKernelRejectedWithNames() {
        int exitCode = run(Language.EN, "--kernel", "gpu");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'gpu'", "--kernel", "vector, jdk-compress, digest, java");
    }

    @Test
    void helpInPortuguese() {
        int exitCode = run(Language.PT, "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Mede quantos candidatos SHA-1 por segundo", "Uso:", "--kernel");
    }

    @Test
    void bundlesHaveSameKeys() throws IOException {
        Properties english = load("/i18n/bench_en.properties");
        Properties portuguese = load("/i18n/bench_pt.properties");

        assertThat(portuguese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream input = BenchCommandTest.class.getResourceAsStream(resource)) {
            assertThat(input).as(resource).isNotNull();
            properties.load(new java.io.InputStreamReader(input, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
