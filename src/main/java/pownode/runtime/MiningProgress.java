package pownode.runtime;

/** Shows how far the miner's search for the current challenge has come. */
interface MiningProgress {

    void started(long transactionId, int challenge, double expectedHashes, long nowMillis);

    /** Called on every tick of the event loop while the search runs. */
    void update(long hashes, long nowMillis);

    void stopped();

    /** Called before a log line is written to the same terminal. */
    default void beforeLogLine() {
    }
}
