package pownode.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pownode.protocol.Difficulty;

class ParallelMinerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int THREADS = 3;

    /** A solution as the listener received it. */
    private record Found(MiningJob job, String solution, long hashes) {
    }

    /** Wraps a kernel and counts the searches that are running at the moment. */
    private static final class TrackingKernel implements SearchKernel {
        private final SearchKernel delegate;
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();

        TrackingKernel(SearchKernel delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public long search(byte[] prefix, long first, int zeroBits, Control control) {
            running.incrementAndGet();
            started.incrementAndGet();
            try {
                return delegate.search(prefix, first, zeroBits, control);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private final List<Found> found = new CopyOnWriteArrayList<>();

    private void record(MiningJob job, String solution, long hashes, long elapsedNanos) {
        found.add(new Found(job, solution, hashes));
    }

    @Test
    void solutionReportedOnce() {
        TrackingKernel kernel = new TrackingKernel(Kernels.fastest());
        try (ParallelMiner miner = new ParallelMiner(kernel, THREADS, this::record)) {
            MiningJob job = new MiningJob(7, 3, Difficulty.HEX, "4711:7:", 0);

            miner.start(job);
            await().atMost(TIMEOUT).until(() -> kernel.started.get() == THREADS && kernel.running.get() == 0);

            assertThat(found).hasSize(1);
            Found solution = found.get(0);
            assertThat(solution.job()).isEqualTo(job);
            assertThat(solution.solution()).startsWith("4711:7:");
            assertThat(Difficulty.HEX.isMetBy(solution.solution(), 3)).isTrue();
            assertThat(solution.hashes()).isPositive();
        }
    }

    @Test
    void threadsSearchDisjointCounters() {
        TrackingKernel kernel = new TrackingKernel(Kernels.fastest());
        try (ParallelMiner miner = new ParallelMiner(kernel, 2, this::record)) {
            MiningJob job = new MiningJob(8, 16, Difficulty.BITS, "disjoint:", 0);

            miner.start(job);
            await().atMost(TIMEOUT).until(() -> !found.isEmpty() && kernel.running.get() == 0);

            long counter = Long.parseLong(found.get(0).solution().substring("disjoint:".length()));
            long offset = counter % ParallelMiner.STRIDE;
            byte[] prefix = "disjoint:".getBytes(StandardCharsets.US_ASCII);
            long expected = Reference.firstSolution(prefix, counter - offset, 16, offset + 1);
            assertThat(expected).as("first solution in the solving thread's own counters").isEqualTo(counter);
        }
    }

    @Test
    void cancelStopsEveryThread() {
        TrackingKernel kernel = new TrackingKernel(Kernels.fastest());
        try (ParallelMiner miner = new ParallelMiner(kernel, THREADS, this::record)) {
            miner.start(new MiningJob(9, Difficulty.HEX.maxChallenge(), Difficulty.HEX, "never:", 0));
            await().atMost(TIMEOUT).until(() -> kernel.running.get() == THREADS && miner.hashesTotal() > 0);

            miner.cancel();

            await().atMost(TIMEOUT).until(() -> kernel.running.get() == 0);
            assertThat(found).isEmpty();
        }
    }

    @Test
    void newJobSupersedesOld() {
        TrackingKernel kernel = new TrackingKernel(Kernels.fastest());
        try (ParallelMiner miner = new ParallelMiner(kernel, THREADS, this::record)) {
            MiningJob old = new MiningJob(10, Difficulty.BITS.maxChallenge(), Difficulty.BITS, "old:", 0);
            MiningJob current = new MiningJob(11, 2, Difficulty.HEX, "new:", 0);
            miner.start(old);
            await().atMost(TIMEOUT).until(() -> kernel.running.get() == THREADS);

            miner.start(current);

            await().atMost(TIMEOUT).until(() -> kernel.started.get() == 2 * THREADS && kernel.running.get() == 0);
            assertThat(found).hasSize(1);
            assertThat(found.get(0).job()).isEqualTo(current);
        }
    }

    @Test
    void staleSolutionNotReported() throws InterruptedException {
        CountDownLatch oldSearchEntered = new CountDownLatch(1);
        CountDownLatch releaseOldSearch = new CountDownLatch(1);
        SearchKernel gated = new SearchKernel() {
            @Override
            public String name() {
                return "gated";
            }

            @Override
            public long search(byte[] prefix, long first, int zeroBits, Control control) {
                if (new String(prefix, StandardCharsets.US_ASCII).equals("old:")) {
                    oldSearchEntered.countDown();
                    awaitRelease(releaseOldSearch);
                    return first;
                }
                return first + 1;
            }
        };
        TrackingKernel kernel = new TrackingKernel(gated);
        try (ParallelMiner miner = new ParallelMiner(kernel, 1, this::record)) {
            MiningJob old = new MiningJob(12, 1, Difficulty.HEX, "old:", 0);
            MiningJob current = new MiningJob(13, 1, Difficulty.HEX, "new:", 0);
            miner.start(old);
            assertThat(oldSearchEntered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

            miner.start(current);
            releaseOldSearch.countDown();

            await().atMost(TIMEOUT).until(() -> kernel.started.get() == 2 && kernel.running.get() == 0);
            assertThat(found).extracting(Found::solution).containsExactly("new:1");
        }
    }

    /** Waits for {@code latch}; returns early when the miner's shutdown interrupts the thread. */
    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch not released within " + TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
