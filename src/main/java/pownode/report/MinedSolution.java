package pownode.report;

/** A solution a miner found, with the hashes it computed and the time it took, in milliseconds. */
public record MinedSolution(int clientId, long transactionId, String solution, long hashes, long elapsedMillis) {
}
