package pownode.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import pownode.mining.Kernels;
import pownode.mining.SearchKernel;
import pownode.protocol.Difficulty;
import pownode.protocol.Sha1;

/**
 * Candidates per second of each search kernel on 1 and 2 threads, against a naive loop that
 * builds a String and hashes it with {@link MessageDigest} for every candidate. The scores are
 * operations per second, one operation being one candidate. The challenge needs 160 zero bits,
 * so no search ends early.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules", "jdk.incubator.vector",
    "--add-opens", "java.base/sun.security.provider=ALL-UNNAMED"})
public class KernelBenchmark {
    /** Candidates per kernel call: a multiple of both the 1000-candidate runs and the digest kernel's 4096 batch. */
    static final int CANDIDATES_PER_CALL = 512_000;
    static final String PREFIX = "4711:1:";
    /** Counters of each benchmark thread start this far apart, like ParallelMiner's threads. */
    static final long THREAD_STRIDE = 1_000_000_000_000L;

    private static final AtomicLong NEXT_THREAD_START = new AtomicLong(THREAD_STRIDE);

    /** The kernel and the counter one benchmark thread continues from. */
    @State(Scope.Thread)
    public static class KernelState {
        @Param({Kernels.VECTOR, Kernels.JDK_COMPRESS, Kernels.DIGEST, Kernels.JAVA})
        public String kernel;

        SearchKernel searchKernel;
        byte[] prefix;
        long counter;

        @Setup(Level.Trial)
        public void setUp() {
            searchKernel = Kernels.create(kernel).orElseThrow(() -> new IllegalStateException(
                    "kernel " + kernel + " is unavailable: " + Kernels.unavailableReason(kernel)));
            prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
            counter = NEXT_THREAD_START.getAndAdd(THREAD_STRIDE);
        }
    }

    /** The naive loop's digest and counter for one benchmark thread. */
    @State(Scope.Thread)
    public static class NaiveState {
        MessageDigest sha1 = Sha1.newDigest();
        long counter = NEXT_THREAD_START.getAndAdd(THREAD_STRIDE);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(CANDIDATES_PER_CALL)
    public long kernelOneThread(KernelState state) {
        return search(state);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(CANDIDATES_PER_CALL)
    public long kernelTwoThreads(KernelState state) {
        return search(state);
    }

    @Benchmark
    @Threads(1)
    public int naiveStringDigestOneThread(NaiveState state) {
        return naive(state);
    }

    @Benchmark
    @Threads(2)
    public int naiveStringDigestTwoThreads(NaiveState state) {
        return naive(state);
    }

    /** Hashes exactly CANDIDATES_PER_CALL candidates: the counter stays a multiple of 1000 and of 4096 batches. */
    private static long search(KernelState state) {
        long[] hashed = {0};
        long found = state.searchKernel.search(state.prefix, state.counter, 160, count -> {
            hashed[0] += count;
            return hashed[0] >= CANDIDATES_PER_CALL;
        });
        if (hashed[0] != CANDIDATES_PER_CALL) {
            throw new IllegalStateException("kernel hashed " + hashed[0] + " candidates, expected " + CANDIDATES_PER_CALL);
        }
        state.counter += CANDIDATES_PER_CALL;
        return found;
    }

    /** Hashes one candidate the way a first attempt would: a new String, its bytes and a full digest. */
    private static int naive(NaiveState state) {
        String candidate = PREFIX + state.counter++;
        byte[] digest = state.sha1.digest(candidate.getBytes(StandardCharsets.UTF_8));
        return Difficulty.leadingZeroBits(digest);
    }
}
