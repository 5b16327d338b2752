package pownode.node;

import pownode.protocol.Difficulty;

/**
 * Settings of one node's state machine. Times are in milliseconds of the injected clock.
 *
 * @param rounds accepted results after which the node finishes; 0 runs until stopped
 */
public record NodeConfig(
        int clientId,
        int expectedParticipants,
        Difficulty difficulty,
        int minChallenge,
        int maxChallenge,
        long nextChallengeDelayMillis,
        int rounds,
        long republishIntervalMillis) {

    /** How often {@code init} and the vote are re-published while this node waits for peers. */
    public static final long DEFAULT_REPUBLISH_INTERVAL_MILLIS = 1000;

    public NodeConfig {
        require(expectedParticipants >= 2, "expectedParticipants must be >= 2, got " + expectedParticipants);
        require(minChallenge >= 1 && minChallenge <= maxChallenge && maxChallenge <= difficulty.maxChallenge(),
                "challenge range " + minChallenge + ".." + maxChallenge + " is invalid for " + difficulty);
        require(nextChallengeDelayMillis >= 0, "nextChallengeDelayMillis must be >= 0");
        require(rounds >= 0, "rounds must be >= 0");
        require(republishIntervalMillis > 0, "republishIntervalMillis must be > 0");
    }

    /** Returns the same settings with another ClientID. */
    public NodeConfig withClientId(int newClientId) {
        return new NodeConfig(newClientId, expectedParticipants, difficulty, minChallenge, maxChallenge,
                nextChallengeDelayMillis, rounds, republishIntervalMillis);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
