package pownode.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One proof-of-work round: the challenge the controller published and, once a solution was
 * accepted, the time of the result and the winning miner. {@code solvedAt} is null and
 * {@code winner} is -1 for a round that ended without an accepted result. {@code election}
 * is the number of the election whose leader published the challenge.
 */
public record Round(long transactionId, int challenge, int election, Instant issuedAt, Instant solvedAt,
        int winner) {

    public boolean solved() {
        return solvedAt != null;
    }

    /** Returns the time from the challenge to the accepted result, empty for an unsolved round. */
    public Optional<Duration> timeToSolve() {
        if (solvedAt == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(issuedAt, solvedAt));
    }
}
