package pownode.mining;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link SearchKernel} on several daemon threads. Thread {@code i} searches the
 * counters from {@code firstCounter + i * STRIDE}, so the threads never hash the same
 * candidate. The first solution ends the job; starting a new job or cancelling stops every
 * thread of the old job after its current batch.
 */
public final class ParallelMiner implements Miner {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelMiner.class);

    /** Counters each thread owns; no search at any realistic rate exhausts it. */
    static final long STRIDE = 1_000_000_000_000L;

    private final SearchKernel kernel;
    private final int threads;
    private final SolutionListener listener;
    private final ExecutorService pool;
    private final LongAdder hashesTotal = new LongAdder();
    private final AtomicLong generation = new AtomicLong();

    public ParallelMiner(SearchKernel kernel, int threads, SolutionListener listener) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.kernel = kernel;
        this.threads = threads;
        this.listener = listener;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "miner");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    @Override
    public void start(MiningJob job) {
        long myGeneration = generation.incrementAndGet();
        long startNanos = System.nanoTime();
        LongAdder jobHashes = new LongAdder();
        byte[] prefix = job.prefix().getBytes(StandardCharsets.UTF_8);
        int zeroBits = job.unit().requiredZeroBits(job.challenge());
        for (int i = 0; i < threads; i++) {
            long firstCounter = job.firstCounter() + i * STRIDE;
            pool.execute(() -> {
                SearchKernel.Control control = hashed -> {
                    jobHashes.add(hashed);
                    hashesTotal.add(hashed);
                    return generation.get() != myGeneration;
                };
                long counter;
                try {
                    counter = kernel.search(prefix, firstCounter, zeroBits, control);
                } catch (RuntimeException e) {
                    LOG.error("Kernel {} failed on TransactionID {}; this thread stopped searching it",
                            kernel.name(), job.transactionId(), e);
                    return;
                }
                boolean first = counter >= 0 && generation.compareAndSet(myGeneration, myGeneration + 1);
                if (first) {
                    String solution = job.prefix() + counter;
                    listener.solutionFound(job, solution, jobHashes.sum(), System.nanoTime() - startNanos);
                }
            });
        }
    }

    @Override
    public void cancel() {
        generation.incrementAndGet();
    }

    @Override
    public String kernelName() {
        return kernel.name();
    }

    @Override
    public long hashesTotal() {
        return hashesTotal.sum();
    }

    @Override
    public void close() {
        cancel();
        pool.shutdownNow();
    }
}
