package pownode.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pownode.i18n.Language;
import pownode.i18n.Messages;

/** Each case edits the recorded run and expects an error naming one file and line. */
class InvalidEventsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    /** An edit of the recorded files: a list per file, node-1 (the leader) first. */
    interface Edit extends Consumer<List<List<String>>> {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, edit, file number (1-based), line (0 for the whole file), message key
                Arguments.of("not JSON", replace(2, 3, "{\"event\": \"challenge\""), 2, 3, "error.notJson"),
                Arguments.of("JSON array", replace(3, 1, "[1, 2]"), 3, 1, "error.notJson"),
                Arguments.of("missing time", editJson(1, 2, line -> line.remove("time")), 1, 2, "error.commonField"),
                Arguments.of("invalid time", editJson(1, 2, line -> line.put("time", "yesterday")), 1, 2,
                        "error.commonField"),
                Arguments.of("missing clientId", editJson(4, 5, line -> line.remove("clientId")), 4, 5,
                        "error.commonField"),
                Arguments.of("clientId out of range", editJson(4, 5, line -> line.put("clientId", 70_000)), 4, 5,
                        "error.commonField"),
                Arguments.of("missing event field", editJson(2, 3, line -> line.remove("challenge")), 2, 3,
                        "error.field"),
                Arguments.of("text where a number belongs", editJson(2, 6, line -> line.put("hashes", "many")), 2, 6,
                        "error.field"),
                Arguments.of("clientId changes in a file", editJson(3, 5, line -> line.put("clientId", 11_913)), 3, 5,
                        "error.clientIdChanged"),
                Arguments.of("empty file", (Edit) files -> files.get(3).clear(), 4, 0, "error.empty"),
                Arguments.of("same node twice", (Edit) files -> files.set(1, new ArrayList<>(files.get(0))), 2, 1,
                        "error.duplicateClientId"),
                Arguments.of("two runs in one file", (Edit) files -> files.get(0).addAll(List.copyOf(files.get(0))),
                        1, 20, "error.secondRun"),
                Arguments.of("participants differ", editJson(2, 1,
                        line -> line.putArray("participants").add(11_913).add(45_378)), 2, 1,
                        "error.participantsDiffer"),
                Arguments.of("node of another run", (Edit) files -> files.set(3, List.of(
                        "{\"event\":\"challenge\",\"time\":\"2026-12-03T20:25:51Z\",\"clientId\":999,"
                                + "\"transactionId\":0,\"challenge\":4}")), 4, 1, "error.notParticipant"),
                Arguments.of("leader differs", editJson(3, 2, line -> line.put("leader", 45_378)), 3, 2,
                        "error.leaderDiffers"),
                Arguments.of("challenge differs", editJson(2, 3, line -> line.put("challenge", 5)), 2, 3,
                        "error.challengeDiffers"),
                Arguments.of("winner differs", editJson(3, 5, line -> line.put("winner", 45_378)), 3, 5,
                        "error.winnerDiffers"));
    }

    /** Edits of run-with-failover: node-1 is the first leader, node-3 the second, node-5 the late joiner. */
    static Stream<Arguments> failoverCases() {
        return Stream.of(
                // name, edit, file number (1-based), line (0 for the whole file), message key
                Arguments.of("second vote in election 0", editJson(2, 19, line -> line.put("election", 0)), 2, 19,
                        "error.secondElectionZero"),
                Arguments.of("second discovery after a failover", (Edit) files -> files.get(3).add(18,
                        files.get(3).get(0)), 4, 19, "error.secondRun"),
                Arguments.of("restart appended to the same file", (Edit) files -> files.get(1).addAll(files.get(4)),
                        2, 46, "error.clientIdChanged"),
                Arguments.of("leader of election 1 differs", editJson(4, 19, line -> line.put("leader", 21_043)), 4,
                        19, "error.leaderDiffers"),
                Arguments.of("late joiner outside the run", (Edit) files -> {
                    editJson(5, 1, line -> line.remove("adopted")).accept(files);
                    editJson(5, 1, line -> line.put("time", "2026-12-05T21:24:22Z")).accept(files);
                }, 5, 1, "error.notParticipant"),
                Arguments.of("adopted node without leader", editJson(5, 1, line -> line.remove("leader")), 5, 1,
                        "error.field"),
                Arguments.of("election started without reason", editJson(3, 17, line -> line.remove("reason")), 3,
                        17, "error.field"),
                Arguments.of("left without participant", editJson(2, 17, line -> line.remove("participant")), 2, 17,
                        "error.field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void render_namesFileAndLine(String name, Edit edit, int fileNumber, int line, String key) throws Exception {
        checkError(RecordedRun.lines(), name, edit, fileNumber, line, key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failoverCases")
    void failoverRender_namesFileAndLine(String name, Edit edit, int fileNumber, int line, String key)
            throws Exception {
        checkError(RecordedRun.failoverLines(), name, edit, fileNumber, line, key);
    }

    private void checkError(List<List<String>> lines, String name, Edit edit, int fileNumber, int line, String key)
            throws Exception {
        edit.accept(lines);
        List<Path> files = RecordedRun.write(folder, lines);

        InvalidEventsException error = catchThrowableOfType(InvalidEventsException.class,
                () -> new RunReport(Messages.of("i18n/report", Language.EN), null).render(files));

        assertThat(error).as("exception for %s", name).isNotNull();
        assertThat(error.key()).isEqualTo(key);
        assertThat(error.file()).isEqualTo(files.get(fileNumber - 1));
        assertThat(error.line()).isEqualTo(line);
        for (Language language : Language.values()) {
            String message = Messages.of("i18n/report", language).get(error.key(), error.args());
            assertThat(message).as("%s message", language).doesNotContain("{").isNotBlank();
        }
    }

    private static Edit replace(int fileNumber, int line, String text) {
        return files -> files.get(fileNumber - 1).set(line - 1, text);
    }

    private static Edit editJson(int fileNumber, int line, Consumer<ObjectNode> change) {
        return files -> {
            List<String> file = files.get(fileNumber - 1);
            try {
                ObjectNode json = (ObjectNode) MAPPER.readTree(file.get(line - 1));
                change.accept(json);
                file.set(line - 1, MAPPER.writeValueAsString(json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
