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
 * belong to the same run: two files of one ClientID, a file with two runs in it, a node
 * that is neither a participant nor a late joiner, and files that disagree on the
 * participants, the leader of an election, a round's Challenge or its winner.
 */
public final class RunAssembler {
    private List<InvalidEventsException> warnings = List.of();

    /** Merges {@code logs}, one per node; throws naming the file and line that contradicts the others. */
    public Run assemble(List<NodeLog> logs) throws InvalidEventsException {
        checkDistinctClientIds(logs);
        for (NodeLog log : logs) {
            checkSingleRun(log);
        }
        List<Integer> participants = agreedParticipants(logs);
        List<LateJoiner> lateJoiners = lateJoiners(logs, participants);

        ElectionCollector elections = new ElectionCollector();
        RoundCollector rounds = new RoundCollector();
        for (NodeLog log : logs) {
            elections.add(log);
            rounds.add(log);
        }
        warnings = rounds.warnings();
        return new Run(logs.stream().map(NodeLog::clientId).toList(), participants, elections.elections(),
                lateJoiners, departures(logs), earliestTime(logs, null), earliestTime(logs, "discovered"),
                rounds.rounds(), rounds.solutions());
    }

    /** Returns the records of the last {@link #assemble} that a later election superseded, for the user to see. */
    public List<InvalidEventsException> warnings() {
        return warnings;
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
     * Rejects a second discovery, or a second vote in election 0, in one file. A node appends
     * to its events file, so either one starts another run. Elections 1, 2, ... after a
     * failover belong to the same run, and so does an election 0 that a restarted process
     * with the same ClientID joined without voting ({@code adopted}).
     */
    private static void checkSingleRun(NodeLog log) throws InvalidEventsException {
        List<EventLine> discovered = log.all("discovered");
        if (discovered.size() > 1) {
            throw discovered.get(1).error("error.secondRun", "discovered", discovered.get(0).lineNumber());
        }
        EventLine firstVote = null;
        for (EventLine elected : log.all("elected")) {
            if (elected.optionalInt("election", 0) != 0 || elected.optionalBoolean("adopted", false)) {
                continue;
            }
            if (firstVote != null) {
                throw elected.error("error.secondElectionZero", firstVote.lineNumber());
            }
            firstVote = elected;
        }
    }

    /**
     * Returns the participants that the files agree on. A late joiner's {@code discovered}
     * event is not compared, because it saw the group after some participants had left.
     */
    private static List<Integer> agreedParticipants(List<NodeLog> logs) throws InvalidEventsException {
        EventLine reference = null;
        List<Integer> participants = List.of();
        for (NodeLog log : logs) {
            Optional<EventLine> discovered = log.first("discovered");
            if (discovered.isEmpty() || joinedWithoutVoting(log)) {
                continue;
            }
            List<Integer> found = discovered.get().requireIntList("participants").stream().sorted().toList();
            if (reference == null) {
                reference = discovered.get();
                participants = found;
            } else if (!found.equals(participants)) {
                throw discovered.get().error("error.participantsDiffer", found, participants, reference.file());
            }
        }
        return participants;
    }

    /**
     * Returns the nodes that joined after discovery, and rejects a node that belongs to another
     * run. A node joined late when its first {@code elected} event is {@code adopted}, or when
     * it is not a participant but its first event lies within the participants' events.
     */
    private static List<LateJoiner> lateJoiners(List<NodeLog> logs, List<Integer> participants)
            throws InvalidEventsException {
        Instant spanStart = null;
        Instant spanEnd = null;
        for (NodeLog log : logs) {
            if (participants.contains(log.clientId())) {
                Instant first = log.lines().get(0).time();
                Instant last = log.lines().get(log.lines().size() - 1).time();
                spanStart = spanStart == null || first.isBefore(spanStart) ? first : spanStart;
                spanEnd = spanEnd == null || last.isAfter(spanEnd) ? last : spanEnd;
            }
        }
        List<LateJoiner> lateJoiners = new ArrayList<>();
        for (NodeLog log : logs) {
            boolean participant = participants.isEmpty() || participants.contains(log.clientId());
            boolean adopted = joinedWithoutVoting(log);
            if (participant && !adopted) {
                continue;
            }
            EventLine first = log.lines().get(0);
            boolean withinRun = spanStart != null && !first.time().isBefore(spanStart)
                    && !first.time().isAfter(spanEnd);
            if (!adopted && !withinRun) {
                throw first.error("error.notParticipant", log.clientId(), participants, first.time(),
                        String.valueOf(spanStart), String.valueOf(spanEnd));
            }
            lateJoiners.add(lateJoiner(log));
        }
        lateJoiners.sort(Comparator.comparing(LateJoiner::clientId));
        return lateJoiners;
    }

    private static LateJoiner lateJoiner(NodeLog log) throws InvalidEventsException {
        Optional<EventLine> elected = log.first("elected");
        if (elected.isEmpty()) {
            return new LateJoiner(log.clientId(), log.lines().get(0).time(), -1, -1);
        }
        return new LateJoiner(log.clientId(), elected.get().time(), elected.get().optionalInt("election", 0),
                elected.get().requireInt("leader"));
    }

    /** Tells whether the first {@code elected} event of {@code log} adopted a running group's leader. */
    private static boolean joinedWithoutVoting(NodeLog log) throws InvalidEventsException {
        Optional<EventLine> elected = log.first("elected");
        return elected.isPresent() && elected.get().optionalBoolean("adopted", false);
    }

    /** Returns each participant that some file saw leave, at the earliest such event, in time order. */
    private static List<Departure> departures(List<NodeLog> logs) throws InvalidEventsException {
        Map<Integer, Instant> leftAt = new HashMap<>();
        for (NodeLog log : logs) {
            for (EventLine line : log.all("left")) {
                leftAt.merge(line.requireInt("participant"), line.time(),
                        (known, time) -> time.isBefore(known) ? time : known);
            }
        }
        List<Departure> departures = new ArrayList<>();
        leftAt.forEach((participant, time) -> departures.add(new Departure(participant, time)));
        departures.sort(Comparator.comparing(Departure::leftAt).thenComparing(Departure::participant));
        return departures;
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
