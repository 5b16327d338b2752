package pownode.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pownode.i18n.Language;
import pownode.i18n.Messages;

/**
 * Reports on run-with-failover: the leader 3491 was killed after TransactionID 2, 59968 won
 * election 1 and led TransactionIDs 3 to 9, and 17341 joined during election 1.
 */
class FailoverReportTest {
    private static final Pattern ROUND_ROW = Pattern.compile("<tr data-event=\"round\" data-transaction-id=\"(\\d+)\""
            + " data-winner=\"(-?\\d+)\" data-election=\"(\\d+)\">");
    private static final Pattern ROW_EVENT = Pattern.compile("<tr data-event=\"(\\w+)\"");

    @TempDir
    Path folder;

    private static String render(List<Path> files) throws Exception {
        return new RunReport(Messages.of("i18n/report", Language.EN), null).render(files);
    }

    private static Run assemble(List<Path> files) throws Exception {
        EventsReader reader = new EventsReader();
        List<NodeLog> logs = new ArrayList<>();
        for (Path file : files) {
            logs.add(reader.read(file));
        }
        return new RunAssembler().assemble(logs);
    }

    @Test
    void staleChallenge_supersededWithWarning() throws Exception {
        // The first leader wrote a challenge for TransactionID 3 that the group never saw: its
        // successor of election 1 issued TransactionID 3 with Challenge 1.
        List<List<String>> lines = RecordedRun.failoverLines();
        lines.get(0).add("{\"event\":\"challenge\",\"time\":\"2026-12-04T21:24:20.400Z\",\"clientId\":3491,"
                + "\"transactionId\":3,\"challenge\":2}");
        List<Path> files = new ArrayList<>();
        for (int node = 0; node < lines.size(); node++) {
            files.add(Files.write(folder.resolve("node-" + (node + 1) + ".jsonl"), lines.get(node)));
        }

        RunAssembler assembler = new RunAssembler();
        List<NodeLog> logs = new ArrayList<>();
        for (Path file : files) {
            logs.add(new EventsReader().read(file));
        }
        Run run = assembler.assemble(logs);

        Round round = run.rounds().stream().filter(r -> r.transactionId() == 3).findFirst().orElseThrow();
        assertThat(round.challenge()).isEqualTo(1);
        assertThat(round.election()).isEqualTo(1);
        assertThat(assembler.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.key()).isEqualTo("warning.challengeSuperseded");
            assertThat(warning.file()).isEqualTo(files.get(0));
            assertThat(warning.args()).containsExactly(3L, 2, 0, 1, 1);
        });
    }

    @Test
    void timeline_showsBothElectionsAndTheirLeaders() throws Exception {
        String html = render(RecordedRun.failoverFiles());

        assertThat(html).contains("<tr data-event=\"elected\" data-election=\"0\" data-leader=\""
                + RecordedRun.FAILOVER_FIRST_LEADER + "\">");
        assertThat(html).contains("Election 0: elected 3491 as leader (vote 46476)");
        assertThat(html).contains("<tr data-event=\"left\" data-participant=\"3491\">");
        assertThat(html).contains("Participant 3491 left");
        assertThat(html).contains("<tr data-event=\"electionStarted\" data-election=\"1\">");
        assertThat(html).contains("Election 1 started: the leader left");
        assertThat(html).contains("<tr data-event=\"elected\" data-election=\"1\" data-leader=\""
                + RecordedRun.FAILOVER_SECOND_LEADER + "\">");
        assertThat(html).contains("Election 1: elected 59968 as leader (vote 62135)");
    }

    @Test
    void summary_namesLeaderOfEachElection() throws Exception {
        String html = render(RecordedRun.failoverFiles());

        assertThat(html).contains("Election 0: leader 3491 (vote 46476). Election 1: leader 59968 (vote 62135).");
        assertThat(html).contains("4 participants, events files of 5 nodes, 10 rounds, 10 solved.");
    }

    @Test
    void timeline_showsLateJoiner() throws Exception {
        String html = render(RecordedRun.failoverFiles());

        assertThat(html).contains("<tr data-event=\"joined\" data-client-id=\"" + RecordedRun.FAILOVER_LATE_JOINER
                + "\">");
        assertThat(html).contains("Node 17341 joined late and follows leader 59968 of election 1");
        assertThat(html).contains("Joined the running group late: 17341.");
    }

    @Test
    void timeline_showsEveryRoundWinnerAndElection() throws Exception {
        String html = render(RecordedRun.failoverFiles());

        List<Integer> transactionIds = new ArrayList<>();
        List<Integer> winners = new ArrayList<>();
        List<Integer> elections = new ArrayList<>();
        Matcher rows = ROUND_ROW.matcher(html);
        while (rows.find()) {
            transactionIds.add(Integer.parseInt(rows.group(1)));
            winners.add(Integer.parseInt(rows.group(2)));
            elections.add(Integer.parseInt(rows.group(3)));
        }

        assertThat(transactionIds).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(winners).isEqualTo(RecordedRun.FAILOVER_WINNERS);
        assertThat(elections).containsExactly(0, 0, 0, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void timeline_listsFailoverInTimeOrder() throws Exception {
        String html = render(RecordedRun.failoverFiles());

        List<String> events = new ArrayList<>();
        Matcher rows = ROW_EVENT.matcher(html);
        while (rows.find()) {
            events.add(rows.group(1));
        }

        // Discovery, election 0, rounds 0 to 2, the failover, rounds 3 to 7, the late joiner, rounds 8 and 9.
        assertThat(events).containsExactly("discovered", "elected", "round", "round", "round", "left",
                "electionStarted", "elected", "round", "round", "round", "round", "round", "joined", "round", "round");
    }

    @Test
    void roundTimes_comeFromLeaderOfTheirElection() throws Exception {
        List<List<String>> lines = RecordedRun.failoverLines();
        Run run = assemble(RecordedRun.failoverFiles());

        Round first = run.rounds().get(0);
        Round afterFailover = run.rounds().get(3);

        // node-1.jsonl line 3 is the first leader's challenge 0, node-3.jsonl line 19 the second leader's challenge 3.
        assertThat(first.issuedAt()).isEqualTo(timeOf(lines.get(0).get(2)));
        assertThat(afterFailover.issuedAt()).isEqualTo(timeOf(lines.get(2).get(18)));
        assertThat(afterFailover.solvedAt()).isEqualTo(timeOf(lines.get(2).get(19)));
    }

    @Test
    void run_withoutFirstLeaderFile() throws Exception {
        List<Path> files = RecordedRun.failoverFiles().subList(1, 5);

        Run run = assemble(files);

        assertThat(run.elections()).extracting(Election::number).containsExactly(0, 1);
        assertThat(run.elections()).extracting(Election::leader)
                .containsExactly(RecordedRun.FAILOVER_FIRST_LEADER, RecordedRun.FAILOVER_SECOND_LEADER);
        assertThat(run.rounds()).extracting(Round::winner).isEqualTo(RecordedRun.FAILOVER_WINNERS);
    }

    @Test
    void lateJoinerWithoutElectedEvent_acceptedWithinRun() throws Exception {
        List<List<String>> lines = RecordedRun.failoverLines();
        lines.get(4).remove(0);
        List<Path> files = RecordedRun.write(folder, lines);

        Run run = assemble(files);
        String html = render(files);

        assertThat(run.lateJoiners()).extracting(LateJoiner::clientId)
                .containsExactly(RecordedRun.FAILOVER_LATE_JOINER);
        assertThat(html).contains("Node 17341 joined late (not among the discovered participants)");
    }

    @Test
    void miners_includeLateJoinerAndSecondLeader() throws Exception {
        Run run = assemble(RecordedRun.failoverFiles());

        // 59968 mined in election 0 before it led election 1; 3491 only ever led.
        assertThat(ReportFormat.miners(run)).containsExactly(695, 17_341, 21_043, 59_968);
    }

    private static Instant timeOf(String line) {
        Matcher time = Pattern.compile("\"time\":\"([^\"]+)\"").matcher(line);
        assertThat(time.find()).as("time in %s", line).isTrue();
        return Instant.parse(time.group(1));
    }
}
