package pownode.node;

/**
 * One row of a transaction table.
 *
 * @param winner the winner's ClientID, or {@link #PENDING} while the transaction is open
 * @param solution the winning Solution, or an empty string while pending
 */
public record Transaction(long id, int challenge, String solution, int winner) {
    public static final int PENDING = -1;

    static Transaction open(long id, int challenge) {
        return new Transaction(id, challenge, "", PENDING);
    }

    public boolean isPending() {
        return winner == PENDING;
    }

    Transaction solvedBy(int clientId, String winningSolution) {
        return new Transaction(id, challenge, winningSolution, clientId);
    }
}
