package pownode.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DifficultyTest {
    private static final int DIGEST_BITS = 160;
    private static final int RANDOM_STRINGS = 20_000;

    static IntStream zeroBitCounts() {
        return IntStream.rangeClosed(0, DIGEST_BITS);
    }

    @ParameterizedTest
    @MethodSource("zeroBitCounts")
    void leadingZeroBits_countsCraftedDigest(int zeroBits) {
        byte[] digest = digestWithLeadingZeroBits(zeroBits);

        int counted = Difficulty.leadingZeroBits(digest);

        assertThat(counted).isEqualTo(zeroBits);
    }

    @ParameterizedTest
    @MethodSource("zeroBitCounts")
    void bits_isMetUpToExactZeroBitCount(int zeroBits) {
        byte[] digest = digestWithLeadingZeroBits(zeroBits);

        for (int challenge = 1; challenge <= Difficulty.BITS.maxChallenge(); challenge++) {
            boolean met = Difficulty.BITS.isMet(digest, challenge);

            assertThat(met).as("%d zero bits against bits challenge %d", zeroBits, challenge)
                    .isEqualTo(challenge <= zeroBits);
        }
    }

    @ParameterizedTest
    @MethodSource("zeroBitCounts")
    void hex_isMetOnlyByWholeZeroDigits(int zeroBits) {
        byte[] digest = digestWithLeadingZeroBits(zeroBits);

        for (int challenge = 1; challenge <= Difficulty.HEX.maxChallenge(); challenge++) {
            boolean met = Difficulty.HEX.isMet(digest, challenge);

            assertThat(met).as("%d zero bits against hex challenge %d", zeroBits, challenge)
                    .isEqualTo(4 * challenge <= zeroBits);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "HEX, 1, 4",
        "HEX, 6, 24",
        "HEX, 40, 160",
        "BITS, 1, 1",
        "BITS, 20, 20",
        "BITS, 160, 160",
    })
    void requiredZeroBits_scalesByUnit(Difficulty difficulty, int challenge, int expectedBits) {
        int bits = difficulty.requiredZeroBits(challenge);

        assertThat(bits).isEqualTo(expectedBits);
    }

    @Test
    void expectedHashes_ofHexSixIsAbout16Million() {
        double hashes = Difficulty.HEX.expectedHashes(6);

        assertThat(hashes).isEqualTo(16_777_216.0);
    }

    @ParameterizedTest
    @EnumSource(Difficulty.class)
    void isMet_acceptsChallengeOneAndMaxOnZeroDigest(Difficulty difficulty) {
        byte[] zeros = new byte[20];

        assertThat(difficulty.isMet(zeros, 1)).isTrue();
        assertThat(difficulty.isMet(zeros, difficulty.maxChallenge())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Difficulty.class)
    void isMet_rejectsChallengeOutsideRangeEvenOnZeroDigest(Difficulty difficulty) {
        byte[] zeros = new byte[20];

        assertThat(difficulty.isMet(zeros, 0)).isFalse();
        assertThat(difficulty.isMet(zeros, -1)).isFalse();
        assertThat(difficulty.isMet(zeros, difficulty.maxChallenge() + 1)).isFalse();
        assertThat(difficulty.isMet(zeros, Integer.MAX_VALUE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Difficulty.class)
    void isMet_rejectsChallengeOneOnDigestWithLeadingOne(Difficulty difficulty) {
        byte[] digest = digestWithLeadingZeroBits(0);

        boolean met = difficulty.isMet(digest, 1);

        assertThat(met).isFalse();
    }

    @Test
    void sha1_matchesKnownVectors() {
        assertThat(Sha1.hex(Sha1.digest(""))).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assertThat(Sha1.hex(Sha1.digest("abc"))).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }

    @Test
    void sha1_hashesUtf8BytesLikeMessageDigest() throws Exception {
        String text = "ação:4711:0:93881";

        byte[] expected = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));

        assertThat(Sha1.digest(text)).isEqualTo(expected);
    }

    @Test
    void hex_matchesHexdigestPrefixOnRandomStrings() throws Exception {
        SplittableRandom random = new SplittableRandom(20_240_601);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        int[] metCount = new int[4];

        for (int i = 0; i < RANDOM_STRINGS; i++) {
            String solution = randomSolution(random, i);
            String hexdigest = HexFormat.of().formatHex(sha1.digest(solution.getBytes(StandardCharsets.UTF_8)));

            for (int challenge = 1; challenge <= 3; challenge++) {
                boolean expected = hexdigest.startsWith("0".repeat(challenge));

                assertThat(Difficulty.HEX.isMetBy(solution, challenge))
                        .as("hex challenge %d on %s (%s)", challenge, solution, hexdigest)
                        .isEqualTo(expected);
                metCount[challenge] += expected ? 1 : 0;
            }
        }

        // About 1/16, 1/256 and 1/4096 of the strings meet challenges 1, 2 and 3, so both outcomes were checked.
        assertThat(metCount[1]).isGreaterThan(100);
        assertThat(metCount[2]).isGreaterThan(10);
        assertThat(metCount[3]).isGreaterThan(0);
    }

    @Test
    void bits_matchesBinaryPrefixOnRandomStrings() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        int[] metCount = new int[13];

        for (int i = 0; i < RANDOM_STRINGS; i++) {
            String solution = randomSolution(random, i);
            String binary = binaryOf(sha1.digest(solution.getBytes(StandardCharsets.UTF_8)));

            for (int challenge = 1; challenge <= 12; challenge++) {
                boolean expected = binary.startsWith("0".repeat(challenge));

                assertThat(Difficulty.BITS.isMetBy(solution, challenge))
                        .as("bits challenge %d on %s", challenge, solution)
                        .isEqualTo(expected);
                metCount[challenge] += expected ? 1 : 0;
            }
        }

        assertThat(metCount[1]).isGreaterThan(RANDOM_STRINGS / 3);
        assertThat(metCount[12]).isGreaterThan(0);
    }

    @Test
    void parse_acceptsAnyCaseAndSpaces() {
        assertThat(Difficulty.parse("hex")).isEqualTo(Difficulty.HEX);
        assertThat(Difficulty.parse(" BITS ")).isEqualTo(Difficulty.BITS);
    }

    @Test
    void parse_rejectsUnknownUnit() {
        assertThatThrownBy(() -> Difficulty.parse("bytes")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Builds a 20-byte digest whose first {@code zeroBits} bits are 0 and every later bit is 1. */
    private static byte[] digestWithLeadingZeroBits(int zeroBits) {
        byte[] digest = new byte[20];
        Arrays.fill(digest, (byte) 0xff);
        for (int bit = 0; bit < zeroBits; bit++) {
            digest[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return digest;
    }

    private static String randomSolution(SplittableRandom random, int index) {
        return index + ":" + Long.toHexString(random.nextLong()) + ":" + random.nextInt(1000);
    }

    private static String binaryOf(byte[] digest) {
        String binary = new BigInteger(1, digest).toString(2);
        return "0".repeat(DIGEST_BITS - binary.length()) + binary;
    }
}
