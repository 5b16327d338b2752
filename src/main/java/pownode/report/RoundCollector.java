package pownode.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the rounds and the mined solutions of a run from its nodes' files. Times come
 * from the leader's file when it was read, because the controller publishes challenges and
 * results; otherwise from the earliest line of any miner.
 */
final class RoundCollector {
    private final int leader;
    private final Map<Long, EventLine> challenges = new TreeMap<>();
    private final Map<Long, EventLine> winners = new TreeMap<>();
    private final Map<Long, TimeChoice> issuedAt = new TreeMap<>();
    private final Map<Long, TimeChoice> solvedAt = new TreeMap<>();
    private final List<MinedSolution> solutions = new ArrayList<>();

    RoundCollector(int leader) {
        this.leader = leader;
    }

    /** Adds the challenge, result and solution lines of {@code log}, checking them against earlier files. */
    void add(NodeLog log) throws InvalidEventsException {
        boolean fromLeader = log.clientId() == leader;
        for (EventLine line : log.lines()) {
            switch (line.event()) {
                case "challenge" -> addChallenge(line, fromLeader);
                case "result" -> addResult(line, fromLeader);
                case "solution" -> addSolution(line);
                default -> {
                    // discovered and elected are read by RunAssembler; unknown events are skipped.
                }
            }
        }
    }

    private void addChallenge(EventLine line, boolean fromLeader) throws InvalidEventsException {
        long transactionId = line.requireLong("transactionId");
        int challenge = line.requireInt("challenge");
        EventLine earlier = challenges.putIfAbsent(transactionId, line);
        if (earlier != null && earlier.requireInt("challenge") != challenge) {
            throw line.error("error.challengeDiffers", transactionId, challenge,
                    earlier.requireInt("challenge"), earlier.file(), earlier.lineNumber());
        }
        issuedAt.computeIfAbsent(transactionId, id -> new TimeChoice()).offer(line.time(), fromLeader);
    }

    private void addResult(EventLine line, boolean fromLeader) throws InvalidEventsException {
        long transactionId = line.requireLong("transactionId");
        if (!line.requireBoolean("accepted")) {
            return;
        }
        int winner = line.requireInt("winner");
        EventLine earlier = winners.putIfAbsent(transactionId, line);
        if (earlier != null && earlier.requireInt("winner") != winner) {
            throw line.error("error.winnerDiffers", transactionId, winner,
                    earlier.requireInt("winner"), earlier.file(), earlier.lineNumber());
        }
        solvedAt.computeIfAbsent(transactionId, id -> new TimeChoice()).offer(line.time(), fromLeader);
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
            TimeChoice solved = solvedAt.get(transactionId);
            rounds.add(new Round(transactionId, entry.getValue().requireInt("challenge"),
                    issuedAt.get(transactionId).value(), solved == null ? null : solved.value(),
                    won == null ? -1 : won.requireInt("winner")));
        }
        return rounds;
    }

    List<MinedSolution> solutions() {
        return List.copyOf(solutions);
    }

    /** The leader's time of an event when there is one, otherwise the earliest time seen. */
    private static final class TimeChoice {
        private Instant fromLeader;
        private Instant earliest;

        void offer(Instant time, boolean isLeader) {
            if (isLeader && fromLeader == null) {
                fromLeader = time;
            }
            if (earliest == null || time.isBefore(earliest)) {
                earliest = time;
            }
        }

        Instant value() {
            return fromLeader != null ? fromLeader : earliest;
        }
    }
}
