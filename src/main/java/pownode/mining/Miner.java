package pownode.mining;

/**
 * Searches for solutions in the background. Starting a job cancels the previous one; at
 * most one solution is reported per started job.
 */
public interface Miner extends AutoCloseable {

    /** Receives a found solution on a mining thread; must not block. */
    interface SolutionListener {
        void solutionFound(MiningJob job, String solution, long hashes, long elapsedNanos);
    }

    void start(MiningJob job);

    /** Stops the current job, if any; a solution it finds afterwards is not reported. */
    void cancel();

    /** The kernel name shown to users, for example {@code digest}. */
    String kernelName();

    /** Total candidates hashed since this miner was created, over all jobs and threads. */
    long hashesTotal();

    @Override
    void close();
}
