package pownode.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the events files of one run into a {@link Run}, and rejects files that cannot
 * belong to the same run: two files of one ClientID, a file with two runs in it, and files
 * that disagree on the participants, the leader, a round's Challenge or its winner.
 */
public final class RunAssembler {

    /** Merges {@code logs}, one per node; throws naming the file and line that contradicts the others. */
    public Run assemble(List<NodeLog> logs) throws InvalidEventsException {
        checkDistinctClientIds(logs);
        for (NodeLog log : logs) {
            checkSingleRun(log);
        }
        List<Integer> participants = agreedParticipants(logs);
        checkParticipation(logs, participants);
        Optional<EventLine> election = agreedElection(logs);
        int leader = election.isPresent() ? election.get().requireInt("leader") : -1;
        long leaderVoteId = election.isPresent() ? election.get().requireLong("leaderVoteId") : -1;

        RoundCollector rounds = new RoundCollector(leader);
        for (NodeLog log : logs) {
            rounds.add(log);
        }
        return new Run(logs.stream().map(NodeLog::clientId).toList(), participants, leader, leaderVoteId,
                earliestTime(logs, null), earliestTime(logs, "discovered"), earliestTime(logs, "elected"),
                rounds.rounds(), rounds.solutions());
    }

    private static void checkDistinctClientIds(List<NodeLog> logs) throws InvalidEventsException {
        Map<Integer, NodeLog> byClientId = new HashMap<>();
        for (NodeLog log : logs) {
            NodeLog earlier = byClientId.putIfAbsent(log.clientId(), log);
            if (earlier != null) {
                throw log.lines().get(0).error("error.duplicateClientId", log.clientId(), earlier.file());
            }
        }
    }

    /**
     * Rejects a second discovery or election in one file. A node appends to its events file,
     * so the second one starts another run.
     */
    private static void checkSingleRun(NodeLog log) throws InvalidEventsException {
        for (String event : List.of("discovered", "elected")) {
            List<EventLine> lines = log.all(event);
            if (lines.size() > 1) {
                throw lines.get(1).error("error.secondRun", event, lines.get(0).lineNumber());
            }
        }
    }

    private static List<Integer> agreedParticipants(List<NodeLog> logs) throws InvalidEventsException {
        EventLine reference = null;
        List<Integer> participants = List.of();
        for (NodeLog log : logs) {
            Optional<EventLine> discovered = log.first("discovered");
            if (discovered.isEmpty()) {
                continue;
            }
            List<Integer> these = discovered.get().requireIntList("participants").stream().sorted().toList();
            if (reference == null) {
                reference = discovered.get();
                participants = these;
            } else if (!these.equals(participants)) {
                throw discovered.get().error("error.participantsDiffer", these, participants, reference.file());
            }
        }
        return participants;
    }

    private static void checkParticipation(List<NodeLog> logs, List<Integer> participants)
            throws InvalidEventsException {
        if (participants.isEmpty()) {
            return;
        }
        for (NodeLog log : logs) {
            if (!participants.contains(log.clientId())) {
                throw log.lines().get(0).error("error.notParticipant", log.clientId(), participants);
            }
        }
    }

    private static Optional<EventLine> agreedElection(List<NodeLog> logs) throws InvalidEventsException {
        EventLine reference = null;
        for (NodeLog log : logs) {
            Optional<EventLine> elected = log.first("elected");
            if (elected.isEmpty()) {
                continue;
            }
            int leader = elected.get().requireInt("leader");
            if (reference == null) {
                reference = elected.get();
                reference.requireLong("leaderVoteId");
            } else if (leader != reference.requireInt("leader")) {
                throw elected.get().error("error.leaderDiffers", leader, reference.requireInt("leader"),
                        reference.file());
            }
        }
        return Optional.ofNullable(reference);
    }

    /** Returns the earliest time of {@code event} in any file, or of any event when it is null. */
    private static Instant earliestTime(List<NodeLog> logs, String event) {
        List<EventLine> lines = new ArrayList<>();
        for (NodeLog log : logs) {
            lines.addAll(event == null ? log.lines() : log.all(event));
        }
        return lines.stream().map(EventLine::time).min(Comparator.naturalOrder()).orElse(null);
    }
}
