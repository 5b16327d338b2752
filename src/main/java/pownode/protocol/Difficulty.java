package pownode.protocol;

/**
 * The unit in which a Challenge counts leading zeros of the SHA-1 digest. All nodes of a group must use
 * the same unit.
 */
public enum Difficulty {
    /** Challenge c requires c leading zero hex characters, that is 4 x c zero bits. */
    HEX(4, 40, 1, 6),
    /** Challenge c requires c leading zero bits. */
    BITS(1, 160, 1, 20);

    private final int bitsPerUnit;
    private final int maxChallenge;
    private final int defaultMinChallenge;
    private final int defaultMaxChallenge;

    Difficulty(int bitsPerUnit, int maxChallenge, int defaultMinChallenge, int defaultMaxChallenge) {
        this.bitsPerUnit = bitsPerUnit;
        this.maxChallenge = maxChallenge;
        this.defaultMinChallenge = defaultMinChallenge;
        this.defaultMaxChallenge = defaultMaxChallenge;
    }

    /** Returns the largest Challenge a 160-bit digest can meet in this unit. */
    public int maxChallenge() {
        return maxChallenge;
    }

    public int defaultMinChallenge() {
        return defaultMinChallenge;
    }

    public int defaultMaxChallenge() {
        return defaultMaxChallenge;
    }

    /** Returns the number of leading zero bits that {@code challenge} requires. */
    public int requiredZeroBits(int challenge) {
        return challenge * bitsPerUnit;
    }

    /** Mean number of candidates a random search tries before meeting {@code challenge}. */
    public double expectedHashes(int challenge) {
        return Math.pow(2, requiredZeroBits(challenge));
    }

    /** Tells whether a 20-byte SHA-1 digest meets {@code challenge}. */
    public boolean isMet(byte[] digest, int challenge) {
        return challenge >= 1 && challenge <= maxChallenge
                && leadingZeroBits(digest) >= requiredZeroBits(challenge);
    }

    /** Tells whether the SHA-1 digest of the UTF-8 bytes of {@code solution} meets {@code challenge}. */
    public boolean isMetBy(String solution, int challenge) {
        return isMet(Sha1.digest(solution), challenge);
    }

    /** Counts the leading zero bits of {@code digest}. */
    public static int leadingZeroBits(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b != 0) {
                return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
            bits += 8;
        }
        return bits;
    }

    /** Parses {@code hex} or {@code bits}, in any case. */
    public static Difficulty parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
