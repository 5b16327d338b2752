package pownode.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import pownode.i18n.Language;

/**
 * Invalid command lines in both languages. No test here runs a fully valid command, because
 * that would connect to a broker. Every case still passes a loopback broker on port 1, so a
 * check that wrongly accepted its option would fail to connect locally instead of reaching
 * the public default broker.
 */
class NodeCommandTest {
    private static final String LOOPBACK_BROKER = "tcp://127.0.0.1:1";

    private Locale savedLocale;

    /** The kind of error message a bad command line must produce, with a phrase of it in each language. */
    enum Complaint {
        INVALID_VALUE("Invalid value", "Valor inválido"),
        MISSING_OPTION("Missing required option", "Falta a opção obrigatória"),
        MISSING_VALUE("needs a value", "precisa de um valor"),
        UNKNOWN_OPTION("Unknown option", "desconhecido"),
        CHALLENGE_ORDER("is greater than", "é maior que");

        private final String english;
        private final String portuguese;

        Complaint(String english, String portuguese) {
            this.english = english;
            this.portuguese = portuguese;
        }

        String phraseIn(Language language) {
            return language == Language.PT ? portuguese : english;
        }
    }

    /** A command line with one bad option, the option name stderr must show, and the expected complaint. */
    record BadCommand(String option, Complaint complaint, List<String> args) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }

        boolean setsLanguage() {
            return args.contains("--lang");
        }
    }

    @BeforeEach
    void saveLocale() {
        savedLocale = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(savedLocale);
    }

    static Stream<BadCommand> badCommands() {
        return Stream.of(
                bad("--nodes", Complaint.INVALID_VALUE, "--nodes", "1"),
                bad("--nodes", Complaint.INVALID_VALUE, "-n", "1"),
                bad("--nodes", Complaint.INVALID_VALUE, "--nodes", "10001"),
                bad("--nodes", Complaint.INVALID_VALUE, "--nodes", "abc"),
                withoutNodes("--nodes", Complaint.MISSING_OPTION),
                bad("--client-id", Complaint.INVALID_VALUE, "--client-id", "65536"),
                bad("--client-id", Complaint.INVALID_VALUE, "--client-id", "-1"),
                bad("--threads", Complaint.INVALID_VALUE, "--threads", "0"),
                bad("--threads", Complaint.MISSING_VALUE, "--threads"),
                bad("--difficulty-unit", Complaint.INVALID_VALUE, "--difficulty-unit", "foo"),
                bad("--min-challenge", Complaint.INVALID_VALUE, "--min-challenge", "0"),
                bad("--max-challenge", Complaint.INVALID_VALUE, "--max-challenge", "41"),
                bad("--max-challenge", Complaint.INVALID_VALUE, "--max-challenge", "161", "--difficulty-unit", "bits"),
                bad("--min-challenge", Complaint.CHALLENGE_ORDER, "--min-challenge", "5", "--max-challenge", "3"),
                bad("--next-challenge-delay", Complaint.INVALID_VALUE, "--next-challenge-delay", "-1"),
                bad("--next-challenge-delay", Complaint.INVALID_VALUE, "--next-challenge-delay", "abc"),
                bad("--rounds", Complaint.INVALID_VALUE, "--rounds", "-1"),
                bad("--broker", Complaint.INVALID_VALUE, "--broker", "not a uri"),
                // The host is loopback so that a broken check could not reach another machine.
                bad("--broker", Complaint.INVALID_VALUE, "--broker", "http://127.0.0.1:1"),
                bad("--broker", Complaint.INVALID_VALUE, "--broker", "tcp://"),
                bad("--broker", Complaint.INVALID_VALUE, "--broker", "tcp://127.0.0.1:1/x"),
                bad("--broker", Complaint.INVALID_VALUE, "--broker", "tcp://127.0.0.1:99999"),
                bad("--topic-prefix", Complaint.INVALID_VALUE, "--topic-prefix", "a/#"),
                bad("--topic-prefix", Complaint.INVALID_VALUE, "--topic-prefix", "a/+/b"),
                bad("--topic-prefix", Complaint.INVALID_VALUE, "--topic-prefix", "sd/"),
                bad("--topic-prefix", Complaint.INVALID_VALUE, "--topic-prefix", ""),
                bad("--lang", Complaint.INVALID_VALUE, "--lang", "xx"),
                bad("--bogus", Complaint.UNKNOWN_OPTION, "--bogus"));
    }

    static Stream<Arguments> badCommandsInEachLanguage() {
        return Stream.of(Language.values())
                .flatMap(language -> badCommands().map(bad -> arguments(language, bad)));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("badCommandsInEachLanguage")
    void invalidOption_exitsTwoNamingOption(Language language, BadCommand bad) {
        // --lang must win over the system locale, so the locale is set to the other language.
        // The case with an invalid --lang falls back to the locale, so there it is the expected language.
        Locale.setDefault(bad.setsLanguage() ? language.locale() : otherThan(language).locale());
        List<String> args = new ArrayList<>(bad.args());
        if (!bad.setsLanguage()) {
            args.add("--lang");
            args.add(language.name().toLowerCase(Locale.ROOT));
        }

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(2);
        assertThat(run.err()).contains(bad.option());
        assertThat(run.err()).contains(bad.complaint().phraseIn(language));
        assertThat(run.err()).contains(helpHint(language));
        assertThat(run.err()).doesNotContain(helpHint(otherThan(language)));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void brokerPortInUse_explainsInPortuguese() throws Exception {
        try (ServerSocket occupant = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(occupant.getLocalPort());

            Run run = run("broker", "--port", port, "--lang", "pt");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("a porta " + port + " em 127.0.0.1 está em uso por outro programa");
            assertThat(run.err()).contains("--port");
        }
    }

    @Test
    void brokerForeignHost_blamesTheHost() {
        Locale.setDefault(Locale.ENGLISH);

        Run run = run("broker", "--host", "192.0.2.1", "--port", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("192.0.2.1 is not an address of this machine");
        assertThat(run.err()).contains("--host");
    }

    @Test
    void brokerInvalidPort_pointsToBrokerHelp() {
        Locale.setDefault(Locale.ENGLISH);

        Run run = run("broker", "--port", "70000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--port", "70000");
        assertThat(run.err()).contains("Run 'java -jar node.jar broker --help'");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void help_exitsZeroInChosenLanguage(Language language) {
        Locale.setDefault(otherThan(language).locale());

        Run run = run("--help", "--lang", language.name().toLowerCase(Locale.ROOT));

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        if (language == Language.PT) {
            assertThat(run.out()).contains("Uso:", "Opções:", "Participantes esperados no grupo", "--nodes");
            assertThat(run.out()).doesNotContain("Usage:", "Participants expected");
        } else {
            assertThat(run.out()).contains("Usage:", "Options:", "Participants expected in the group", "--nodes");
            assertThat(run.out()).doesNotContain("Uso:", "Participantes esperados");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void help_followsSystemLocaleWithoutLang(Language language) {
        Locale.setDefault(language.locale());

        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(language == Language.PT ? "Uso:" : "Usage:");
    }

    @Test
    void version_exitsZeroAndPrintsVersion() {
        Run run = run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("pow-node 0.1.0");
    }

    @Test
    void eventsPathIsFolder_exitsTwoNamingOption(@TempDir Path folder) {
        Run run = run("--nodes", "3", "--broker", "tcp://127.0.0.1:1", "--events", folder.toString(), "--lang", "en");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Cannot write the events file " + folder).contains("--events");
    }

    @Test
    void caFileMissing_exitsTwoNamingFile() {
        Run run = run("--nodes", "3", "--broker", "ssl://127.0.0.1:1", "--ca-file", "missing-ca.pem", "--lang", "pt");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--ca-file missing-ca.pem").contains("NoSuchFileException");
    }

    @Test
    void languageOf_readsLangWithEqualsSign() {
        Language language = Main.languageOf(new String[] {"--nodes", "3", "--lang=pt"}, Locale.ENGLISH);

        assertThat(language).isEqualTo(Language.PT);
    }

    @Test
    void languageOf_invalidLangUsesSystemLocale() {
        Language language = Main.languageOf(new String[] {"--lang", "xx"}, Locale.forLanguageTag("pt-PT"));

        assertThat(language).isEqualTo(Language.PT);
    }

    // ---- helpers ----

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine commandLine = Main.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        int exitCode = commandLine.execute(args);

        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Builds a command line with {@code optionArgs} and valid values for --nodes and --broker unless given. */
    private static BadCommand bad(String option, Complaint complaint, String... optionArgs) {
        List<String> args = new ArrayList<>(Arrays.asList(optionArgs));
        if (!args.contains("--nodes") && !args.contains("-n")) {
            args.addAll(List.of("--nodes", "3"));
        }
        if (!args.contains("--broker")) {
            args.addAll(List.of("--broker", LOOPBACK_BROKER));
        }
        return new BadCommand(option, complaint, List.copyOf(args));
    }

    private static BadCommand withoutNodes(String option, Complaint complaint) {
        return new BadCommand(option, complaint, List.of("--broker", LOOPBACK_BROKER));
    }

    private static Language otherThan(Language language) {
        return language == Language.PT ? Language.EN : Language.PT;
    }

    /** Returns the line that points to --help after every error. */
    private static String helpHint(Language language) {
        return language == Language.PT
                ? "Execute 'java -jar node.jar --help' para ver todas as opções."
                : "Run 'java -jar node.jar --help' to see every option.";
    }
}
