package pownode.runtime;

/**
 * Progress for logs and pipes: one plain line every {@link #INTERVAL_MILLIS} while a search
 * runs, with candidates tried against the expected number, the hash rate and the time.
 */
final class PlainProgress implements MiningProgress {
    static final long INTERVAL_MILLIS = 5000;

    private final Presenter presenter;
    private long transactionId;
    private double expectedHashes;
    private long startedAt;
    private long nextLineAt = Long.MAX_VALUE;

    PlainProgress(Presenter presenter) {
        this.presenter = presenter;
    }

    @Override
    public void started(long transactionId, int challenge, double expectedHashes, long nowMillis) {
        this.transactionId = transactionId;
        this.expectedHashes = expectedHashes;
        this.startedAt = nowMillis;
        this.nextLineAt = nowMillis + INTERVAL_MILLIS;
    }

    @Override
    public void update(long hashes, long nowMillis) {
        if (nowMillis < nextLineAt) {
            return;
        }
        nextLineAt = nowMillis + INTERVAL_MILLIS;
        double seconds = (nowMillis - startedAt) / 1000.0;
        double rate = seconds > 0 ? hashes / seconds : 0;
        presenter.info("progress.line", transactionId, hashes, expectedHashes, hashes / expectedHashes, rate, seconds);
    }

    @Override
    public void stopped() {
        nextLineAt = Long.MAX_VALUE;
    }
}
