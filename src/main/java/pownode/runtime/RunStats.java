package pownode.runtime;

import java.util.Map;
import java.util.TreeMap;
import pownode.node.NodeEvent;
import pownode.node.Role;

/**
 * Statistics of a node's run so far, for the controller's scoreboard and the exit summary: its
 * role, accepted results, wins per ClientID, time to solve per Challenge value and the
 * miner's busy time.
 */
final class RunStats {
    /** Sum and count of the times to solve one Challenge value. */
    record SolveTimes(long totalMillis, int count) {
        double meanSeconds() {
            return totalMillis / 1000.0 / count;
        }
    }

    private final int clientId;
    private final Map<Long, Long> issuedAtByTransaction = new TreeMap<>();
    private final Map<Long, Integer> challengeByTransaction = new TreeMap<>();
    private final Map<Integer, Integer> winsByClientId = new TreeMap<>();
    private final Map<Integer, SolveTimes> solveTimesByChallenge = new TreeMap<>();
    private Role role;
    private int acceptedResults;
    private long miningSinceMillis = -1;
    private long miningMillis;

    RunStats(int clientId) {
        this.clientId = clientId;
    }

    void record(NodeEvent event, long nowMillis) {
        if (event instanceof NodeEvent.LeaderElected elected) {
            role = elected.role();
        } else if (event instanceof NodeEvent.LeaderAdopted adopted) {
            role = adopted.role();
        } else if (event instanceof NodeEvent.ChallengeIssued issued) {
            challengeSeen(issued.transactionId(), issued.challenge(), nowMillis);
        } else if (event instanceof NodeEvent.ChallengeReceived received) {
            challengeSeen(received.transactionId(), received.challenge(), nowMillis);
        } else if (event instanceof NodeEvent.ResultPublished published && published.accepted()) {
            winner(published.transactionId(), published.proposer(), nowMillis);
        } else if (event instanceof NodeEvent.ResultReceived received && received.accepted()) {
            winner(received.transactionId(), received.proposer(), nowMillis);
        }
    }

    void miningStarted(long nowMillis) {
        miningStopped(nowMillis);
        miningSinceMillis = nowMillis;
    }

    void miningStopped(long nowMillis) {
        if (miningSinceMillis >= 0) {
            miningMillis += nowMillis - miningSinceMillis;
            miningSinceMillis = -1;
        }
    }

    /** Returns the role after the last election, or null before the first one ends. */
    Role role() {
        return role;
    }

    int acceptedResults() {
        return acceptedResults;
    }

    int ownWins() {
        return winsByClientId.getOrDefault(clientId, 0);
    }

    Map<Integer, Integer> winsByClientId() {
        return winsByClientId;
    }

    Map<Integer, SolveTimes> solveTimesByChallenge() {
        return solveTimesByChallenge;
    }

    /** Milliseconds during which the miner was searching, up to {@code nowMillis}. */
    long miningMillis(long nowMillis) {
        return miningMillis + (miningSinceMillis >= 0 ? nowMillis - miningSinceMillis : 0);
    }

    private void challengeSeen(long transactionId, int challenge, long nowMillis) {
        issuedAtByTransaction.put(transactionId, nowMillis);
        challengeByTransaction.put(transactionId, challenge);
    }

    private void winner(long transactionId, int winner, long nowMillis) {
        acceptedResults++;
        winsByClientId.merge(winner, 1, Integer::sum);
        Long issuedAt = issuedAtByTransaction.remove(transactionId);
        Integer challenge = challengeByTransaction.remove(transactionId);
        if (issuedAt != null && challenge != null) {
            solveTimesByChallenge.merge(challenge, new SolveTimes(nowMillis - issuedAt, 1),
                    (a, b) -> new SolveTimes(a.totalMillis() + b.totalMillis(), a.count() + b.count()));
        }
    }
}
