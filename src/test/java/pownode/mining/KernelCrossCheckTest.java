package pownode.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pownode.protocol.Difficulty;
import pownode.protocol.Sha1;

/** Every kernel against the obvious search with a full MessageDigest per candidate. */
class KernelCrossCheckTest {
    /** Maximum scan length of one case, far above the 2^12 candidates that 12 zero bits need on average. */
    private static final long SCAN_LIMIT = 200_000;
    private static final long SEED = 20_240_607L;

    /** Prefix lengths around the block boundaries: 55 bytes is the maximum message length of one padded block. */
    private static final int[] PREFIX_LENGTHS = {
        0, 1, 2, 3, 4, 5, 7, 20, 51, 52, 53, 54, 55, 56, 57, 60, 61, 62, 63, 64, 65,
        100, 110, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 200
    };

    /** First counters at and just before a digit more (9 -> 10, 999 -> 1000, ...) and in other runs. */
    private static final long[] FIRST_COUNTERS = {
        0, 1, 9, 95, 99, 100, 998, 999, 1_000, 9_990, 99_999, 999_999, 1_234_567, 9_999_999_990L,
        ParallelMiner.STRIDE - 3, 999_999_999_999_999_995L, Long.MAX_VALUE - 300_000
    };

    static List<String> kernelNames() {
        return Kernels.NAMES;
    }

    static Stream<Arguments> cases() {
        Random random = new Random(SEED);
        List<Arguments> cases = new ArrayList<>();
        for (String kernel : Kernels.NAMES) {
            for (int length : PREFIX_LENGTHS) {
                byte[] prefix = randomPrefix(random, length);
                long first = FIRST_COUNTERS[random.nextInt(FIRST_COUNTERS.length)];
                Difficulty unit = random.nextBoolean() ? Difficulty.HEX : Difficulty.BITS;
                int challenge = unit == Difficulty.HEX ? 1 + random.nextInt(3) : 1 + random.nextInt(12);
                cases.add(Arguments.of(kernel, prefix, first, unit, challenge));
            }
            for (long first : FIRST_COUNTERS) {
                byte[] prefix = randomPrefix(random, PREFIX_LENGTHS[random.nextInt(PREFIX_LENGTHS.length)]);
                cases.add(Arguments.of(kernel, prefix, first, Difficulty.BITS, 10));
                cases.add(Arguments.of(kernel, prefix, first, Difficulty.HEX, 2));
            }
            byte[] utf8 = "ação:Ünïcödé:€:中文:🙂:".getBytes(StandardCharsets.UTF_8);
            cases.add(Arguments.of(kernel, utf8, 0L, Difficulty.HEX, 3));
            cases.add(Arguments.of(kernel, utf8, 999L, Difficulty.BITS, 11));
        }
        return cases.stream();
    }

    /** Random printable ASCII with some UTF-8 sequences, {@code length} bytes long. */
    private static byte[] randomPrefix(Random random, int length) {
        byte[] utf8 = "é€".getBytes(StandardCharsets.UTF_8);
        byte[] prefix = new byte[length];
        for (int i = 0; i < length; i++) {
            prefix[i] = random.nextInt(8) == 0 ? utf8[random.nextInt(utf8.length)] : (byte) (' ' + random.nextInt(95));
        }
        return prefix;
    }

    @ParameterizedTest(name = "{0} prefix {1} from {2} {3} {4}")
    @MethodSource("cases")
    void kernelFindsFirstSolution(String kernelName, byte[] prefix, long first, Difficulty unit, int challenge) {
        SearchKernel kernel = Kernels.create(kernelName).orElseThrow();
        int zeroBits = unit.requiredZeroBits(challenge);
        long expected = Reference.firstSolution(prefix, first, zeroBits, SCAN_LIMIT);
        Assumptions.assumeTrue(expected >= 0, "no solution within the scan limit");

        long found = kernel.search(prefix, first, zeroBits, boundedControl(SCAN_LIMIT + 4_096));

        assertThat(found).as("first solution of %s", kernelName).isEqualTo(expected);
        assertThat(unit.isMet(Reference.digest(prefix, found), challenge)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelNames")
    void kernelCountsCandidatesUpToSolution(String kernelName) {
        SearchKernel kernel = Kernels.create(kernelName).orElseThrow();
        byte[] prefix = "4711:12:".getBytes(StandardCharsets.US_ASCII);
        long first = 5_000;
        long expected = Reference.firstSolution(prefix, first, 14, SCAN_LIMIT);
        long[] reported = {0};

        long found = kernel.search(prefix, first, 14, hashed -> {
            reported[0] += hashed;
            return reported[0] > SCAN_LIMIT;
        });

        assertThat(found).isEqualTo(expected);
        assertThat(reported[0]).isEqualTo(found - first + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelNames")
    void kernelStopsOnControlRequest(String kernelName) {
        SearchKernel kernel = Kernels.create(kernelName).orElseThrow();
        long[] calls = {0};
        long[] reported = {0};

        long found = kernel.search(new byte[] {'x'}, 0, 160, hashed -> {
            calls[0]++;
            reported[0] += hashed;
            return calls[0] == 5;
        });

        assertThat(found).isEqualTo(-1);
        assertThat(calls[0]).isEqualTo(5);
        assertThat(reported[0]).as("candidates between control calls").isBetween(5L, 5L * 4_096);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelNames")
    void kernelAcceptsZeroBits(String kernelName) {
        SearchKernel kernel = Kernels.create(kernelName).orElseThrow();

        assertThat(kernel.search(new byte[0], 0, 0, boundedControl(SCAN_LIMIT))).isEqualTo(0);
        assertThat(kernel.search(new byte[0], 12_345, 0, boundedControl(SCAN_LIMIT))).isEqualTo(12_345);
    }

    /** SHA-1("863272780") is 00000000 7ab4bfad...: 33 leading zero bits, so the first word alone passes 34. */
    private static final long THIRTY_THREE_BIT_COUNTER = 863_272_780L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelNames")
    void kernelConfirmsMoreThan32Bits(String kernelName) {
        SearchKernel kernel = Kernels.create(kernelName).orElseThrow();
        long first = THIRTY_THREE_BIT_COUNTER - 700;
        assertThat(Reference.firstSolution(new byte[0], first, 33, 1_000)).isEqualTo(THIRTY_THREE_BIT_COUNTER);

        long at32 = kernel.search(new byte[0], first, 32, boundedControl(SCAN_LIMIT));
        long at33 = kernel.search(new byte[0], first, 33, boundedControl(SCAN_LIMIT));
        long at34 = kernel.search(new byte[0], first, 34, boundedControl(5_000));

        assertThat(at32).isEqualTo(THIRTY_THREE_BIT_COUNTER);
        assertThat(at33).isEqualTo(THIRTY_THREE_BIT_COUNTER);
        assertThat(at34).as("34 zero bits are not met, so the search runs until stopped").isEqualTo(-1);
    }

    /** Returns the midstate kernels, because {@code digest} keeps counting past Long.MAX_VALUE. */
    static List<String> midstateKernelNames() {
        return Kernels.NAMES.stream().filter(name -> !name.equals(Kernels.DIGEST)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("midstateKernelNames")
    void kernelEndsAtLongMaxValue(String kernelName) {
        SearchKernel kernel = Kernels.create(kernelName).orElseThrow();
        long[] reported = {0};

        long found = kernel.search(new byte[] {'y'}, Long.MAX_VALUE - 10, 160, hashed -> {
            reported[0] += hashed;
            return reported[0] > 10_000;
        });

        assertThat(found).isEqualTo(-1);
        assertThat(reported[0]).isEqualTo(11);
    }

    @Test
    void everyKernelAvailableInTests() {
        for (String name : Kernels.NAMES) {
            assertThat(Kernels.unavailableReason(name))
                    .as("kernel %s; the surefire argLine in pom.xml opens the modules it needs", name)
                    .isNull();
        }
    }

    @Test
    void fastestIsAvailableKernel() {
        SearchKernel fastest = Kernels.fastest();

        assertThat(Kernels.availableNames()).contains(fastest.name());
    }

    @Test
    void solutionVerifiesWithSha1sum() throws IOException, InterruptedException {
        Assumptions.assumeTrue(sha1sumPresent(), "sha1sum is not installed");
        byte[] prefix = "ação:4711:7:".getBytes(StandardCharsets.UTF_8);
        int challenge = 3;
        for (String name : Kernels.availableNames()) {
            SearchKernel kernel = Kernels.create(name).orElseThrow();
            long counter = kernel.search(prefix, 990, Difficulty.HEX.requiredZeroBits(challenge), boundedControl(SCAN_LIMIT));
            assertThat(counter).as("solution of %s", name).isNotNegative();

            String hex = sha1sum(Reference.candidate(prefix, counter));

            assertThat(hex).as("sha1sum of the solution of %s", name).startsWith("000");
            assertThat(hex).isEqualTo(Sha1.hex(Reference.digest(prefix, counter)));
        }
    }

    /** A control that lets a kernel hash about {@code limit} candidates and then stops it. */
    private static SearchKernel.Control boundedControl(long limit) {
        long[] hashed = {0};
        return count -> {
            hashed[0] += count;
            return hashed[0] >= limit;
        };
    }

    private static boolean sha1sumPresent() {
        try {
            Process process = new ProcessBuilder("sha1sum", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs {@code sha1sum} on {@code input} and returns the hex digest it prints. */
    private static String sha1sum(byte[] input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sha1sum").start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream stdout = process.getInputStream()) {
            stdout.transferTo(output);
        }
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "sha1sum did not exit within 10 s");
        assertThat(process.exitValue()).isZero();
        return output.toString(StandardCharsets.US_ASCII).split(" ")[0];
    }
}
