package pownode.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the rounds and the mined solutions of a run from its nodes' files. A round's
 * times and election come from the file of the node that was the controller when it wrote
 * the line, because the controller publishes challenges and results. Without that file they
 * come from the earliest line of any miner. TransactionIDs continue across elections, so a
 * round is keyed by its TransactionID alone.
 */
final class RoundCollector {
    private final Map<Long, EventLine> challenges = new TreeMap<>();
    private final Map<Long, Integer> challengeElections = new TreeMap<>();
    private final Map<Long, EventLine> winners = new TreeMap<>();
    private final Map<Long, Integer> winnerElections = new TreeMap<>();
    private final List<InvalidEventsException> warnings = new ArrayList<>();
    private final Map<Long, TimeChoice> issuedAt = new TreeMap<>();
    private final Map<Long, TimeChoice> solvedAt = new TreeMap<>();
    private final List<MinedSolution> solutions = new ArrayList<>();

    /** Adds the challenge, result and solution lines of {@code log}, checking them against earlier files. */
    void add(NodeLog log) throws InvalidEventsException {
        // The election this node was in when it wrote the line, and whether it led that election.
        int election = 0;
        boolean controller = false;
        for (EventLine line : log.lines()) {
            switch (line.event()) {
                case "elected" -> {
                    election = line.optionalInt("election", 0);
                    controller = line.requireInt("leader") == log.clientId();
                }
                case "electionStarted" -> controller = false;
                case "challenge" -> addChallenge(line, election, controller);
                case "result" -> addResult(line, election, controller);
                case "solution" -> addSolution(line);
                default -> {
                    // discovered and left are read by RunAssembler; unknown events are skipped.
                }
            }
        }
    }

    private void addChallenge(EventLine line, int election, boolean fromLeader) throws InvalidEventsException {
        long transactionId = line.requireLong("transactionId");
        if (keep(line, transactionId, election, "challenge", challenges, challengeElections, issuedAt)) {
            issuedAt.computeIfAbsent(transactionId, id -> new TimeChoice()).offer(line.time(), election, fromLeader);
        }
    }

    private void addResult(EventLine line, int election, boolean fromLeader) throws InvalidEventsException {
        long transactionId = line.requireLong("transactionId");
        if (!line.requireBoolean("accepted")) {
            return;
        }
        if (keep(line, transactionId, election, "winner", winners, winnerElections, solvedAt)) {
            solvedAt.computeIfAbsent(transactionId, id -> new TimeChoice()).offer(line.time(), election, fromLeader);
        }
    }

    /**
     * Records {@code line} as the source of {@code field} for {@code transactionId} and returns
     * whether its time counts. A line that contradicts an earlier one of the same election
     * means that the files come from different runs. Between elections the later one counts:
     * a controller cut off from the group wrote the earlier line before a new election replaced
     * it, so that line only adds a warning.
     */
    private boolean keep(EventLine line, long transactionId, int election, String field, Map<Long, EventLine> lines,
            Map<Long, Integer> elections, Map<Long, TimeChoice> times) throws InvalidEventsException {
        EventLine earlier = lines.putIfAbsent(transactionId, line);
        elections.putIfAbsent(transactionId, election);
        if (earlier == null || earlier.requireInt(field) == line.requireInt(field)) {
            return true;
        }
        int earlierElection = elections.get(transactionId);
        if (earlierElection == election) {
            throw line.error("error." + field + "Differs", transactionId, line.requireInt(field),
                    earlier.requireInt(field), earlier.file(), earlier.lineNumber());
        }
        EventLine stale = election < earlierElection ? line : earlier;
        EventLine later = stale == line ? earlier : line;
        warnings.add(stale.error("warning." + field + "Superseded", transactionId, stale.requireInt(field),
                Math.min(election, earlierElection), later.requireInt(field), Math.max(election, earlierElection)));
        if (later != line) {
            return false;
        }
        // The times offered so far came from lines with the superseded value.
        lines.put(transactionId, line);
        elections.put(transactionId, election);
        times.remove(transactionId);
        return true;
    }

    private void addSolution(EventLine line) throws InvalidEventsException {
        solutions.add(new MinedSolution(line.clientId(), line.requireLong("transactionId"),
                line.requireText("solution"), line.requireLong("hashes"), line.requireLong("elapsedMillis")));
    }

    /** Returns the rounds that have a challenge line, by TransactionID. */
    List<Round> rounds() throws InvalidEventsException {
        List<Round> rounds = new ArrayList<>();
        for (Map.Entry<Long, EventLine> entry : challenges.entrySet()) {
            long transactionId = entry.getKey();
            EventLine won = winners.get(transactionId);
            TimeChoice issued = issuedAt.get(transactionId);
            TimeChoice solved = solvedAt.get(transactionId);
            rounds.add(new Round(transactionId, entry.getValue().requireInt("challenge"), issued.election(),
                    issued.time(), solved == null ? null : solved.time(),
                    won == null ? -1 : won.requireInt("winner")));
        }
        return rounds;
    }

    List<MinedSolution> solutions() {
        return List.copyOf(solutions);
    }

    /** Returns the records that a later election's controller superseded, each naming its file and line. */
    List<InvalidEventsException> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * The controller's line of an event when there is one, otherwise the earliest line seen:
     * its time and the election its writer was in.
     */
    private static final class TimeChoice {
        private Instant fromLeader;
        private int fromLeaderElection;
        private Instant earliest;
        private int earliestElection;

        void offer(Instant time, int election, boolean isLeader) {
            if (isLeader && fromLeader == null) {
                fromLeader = time;
                fromLeaderElection = election;
            }
            if (earliest == null || time.isBefore(earliest)) {
                earliest = time;
                earliestElection = election;
            }
        }

        Instant time() {
            return fromLeader != null ? fromLeader : earliest;
        }

        int election() {
            return fromLeader != null ? fromLeaderElection : earliestElection;
        }
    }
}
