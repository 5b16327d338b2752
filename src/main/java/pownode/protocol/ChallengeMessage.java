package pownode.protocol;

/** A new proof-of-work round: {@code {"TransactionID": 0, "Challenge": 5}}. */
public record ChallengeMessage(long transactionId, int challenge) implements Message {
    public ChallengeMessage {
        Ranges.requireTransactionId(transactionId);
        Ranges.requireBetween("Challenge", challenge, 1, Integer.MAX_VALUE);
    }

    @Override
    public Topic topic() {
        return Topic.CHALLENGE;
    }
}
