package pownode.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pownode.cli.Main;

/** Runs {@code report} through the real command line and checks exit codes and output. */
class ReportCommandTest {
    private final Locale originalLocale = Locale.getDefault();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    @AfterEach
    void restoreLocale() {
        // Main sets the default locale from --lang.
        Locale.setDefault(originalLocale);
    }

    private int run(List<Path> files, String... options) {
        List<String> args = new ArrayList<>(List.of("report"));
        files.forEach(file -> args.add(file.toString()));
        args.addAll(List.of(options));
        String[] array = args.toArray(String[]::new);
        CommandLine commandLine = Main.commandLine(array);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(array);
    }

    @Test
    void report_writesPageAndPrintsPath() throws Exception {
        Path output = folder.resolve("run.html");

        int exitCode = run(RecordedRun.files(), "--output", output.toString(), "--lang", "en");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Wrote " + output.toAbsolutePath());
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("<img class=\"chart\"");
    }

    @Test
    void report_inPortuguesePrintsInPortuguese() {
        Path output = folder.resolve("execucao.html");

        int exitCode = run(RecordedRun.files(), "--output", output.toString(), "--lang", "pt");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("Gravado " + output.toAbsolutePath());
    }

    @Test
    void invalidLine_exits2NamingFileAndLine() throws Exception {
        List<List<String>> lines = RecordedRun.lines();
        lines.get(1).set(2, "not json");
        List<Path> files = RecordedRun.write(folder, lines);

        int exitCode = run(files, "--output", folder.resolve("run.html").toString(), "--lang", "en");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains(files.get(1) + ", line 3: the line is not a JSON object.");
        assertThat(folder.resolve("run.html")).doesNotExist();
    }

    @Test
    void missingFile_exits2NamingIt() {
        Path missing = folder.resolve("missing.jsonl");

        int exitCode = run(List.of(missing), "--output", folder.resolve("run.html").toString(), "--lang", "en");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Events file not found: " + missing);
    }

    @Test
    void failoverRun_exits0() throws Exception {
        Path output = folder.resolve("failover.html");

        int exitCode = run(RecordedRun.failoverFiles(), "--output", output.toString(), "--lang", "en");

        assertThat(exitCode).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("Election 1: elected 59968 as leader");
    }

    @Test
    void restartInSameFile_exits2WithAdvice() throws Exception {
        List<List<String>> lines = RecordedRun.failoverLines();
        lines.get(1).addAll(lines.get(4));
        List<Path> files = RecordedRun.write(folder, lines).subList(0, 4);

        int exitCode = run(files, "--output", folder.resolve("run.html").toString(), "--lang", "en");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains(files.get(1) + ", line 46: clientId 17341 differs from clientId 21043");
        assertThat(err.toString()).contains("Give each node process its own events file");
    }

    @Test
    void help_saysMissingFileExits2() {
        int exitCode = run(List.of(), "--help", "--lang", "en");

        assertThat(exitCode).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("2 for an invalid option or an events file that is missing or invalid")
                .contains("1 when an existing events file cannot be read");
    }

    @Test
    void unwritableOutput_exits1NamingIt() {
        Path output = folder.resolve("no-such-folder").resolve("run.html");

        int exitCode = run(RecordedRun.files(), "--output", output.toString(), "--lang", "en");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("Cannot write the report " + output.toAbsolutePath());
    }

    @Test
    void unreadableFile_exits1NamingIt() {
        int exitCode = run(List.of(folder), "--output", folder.resolve("run.html").toString(), "--lang", "en");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("Cannot read the events file " + folder + ": ");
    }

    @Test
    void invalidDifficultyUnit_exits2() {
        int exitCode = run(RecordedRun.files(), "--difficulty-unit", "decimal", "--lang", "en");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .contains("Invalid value 'decimal' for option --difficulty-unit. Accepted: hex or bits.");
    }

    @Test
    void noFiles_exits2() {
        int exitCode = run(List.of(), "--lang", "en");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Missing EVENTS_FILE: give at least one.");
    }

    @Test
    void generateCompletion_printsScriptWithReport() {
        String[] args = {"generate-completion"};
        CommandLine commandLine = Main.commandLine(args);
        commandLine.setOut(new PrintWriter(out, true));

        int exitCode = commandLine.execute(args);

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("#!/usr/bin/env bash");
        assertThat(out.toString()).contains("report").contains("--difficulty-unit").contains("generate-completion");
    }
}
