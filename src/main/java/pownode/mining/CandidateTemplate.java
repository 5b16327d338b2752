package pownode.mining;

import java.util.Arrays;

/**
 * The padded SHA-1 input of the candidates {@code prefix + decimal(counter)} for one run: the
 * counters {@code high * 1000 .. high * 1000 + 999}, which share every digit but the last
 * three and so have the same length.
 *
 * <p>The whole 64-byte blocks of the prefix are compressed once into a midstate. The rest of
 * the message (prefix tail, high digits, three low digits, padding and length) fills one or
 * two blocks, kept here as bytes and as big-endian words with the low digits set to zero. A
 * kernel sets the low digits of counter {@code high * 1000 + v} by writing {@code v}'s entry of
 * the digit tables into {@link #wordA} and {@link #wordB}, so a candidate costs one table load
 * per word and one or two compressions. When the low digits lie wholly in the second block,
 * the first block is compressed once per run into {@link #startState}.
 *
 * <p>Counters below {@link #FIRST_RUN_COUNTER} have fewer than three digits and belong to no
 * run.
 */
final class CandidateTemplate {
    static final int LOW_DIGITS = 3;
    static final int RUN_LENGTH = 1000;
    static final long FIRST_RUN_COUNTER = 100;
    /** Extra zero entries after the last table entry, so that a SIMD load of up to 64 lanes stays in bounds. */
    static final int TABLE_PADDING = 64;
    static final int BLOCK_BYTES = 64;
    static final int BLOCK_WORDS = 16;

    /** ASCII digits of 000 to 999, three bytes per value. */
    static final byte[] LOW_DIGIT_BYTES = lowDigitBytes();

    private final byte[] prefix;
    private final int prefixBlockBytes;
    private final int[] midstate;
    private final int[] schedule = new int[80];

    /** The chaining value before block {@link #firstBlock}. */
    final int[] startState = new int[5];
    /** One or two blocks of the message after the midstate, low digits zero. */
    final byte[] bytes = new byte[2 * BLOCK_BYTES];
    /** {@link #bytes} as big-endian words. */
    final int[] words = new int[2 * BLOCK_WORDS];
    /** Index of the first block that contains a low digit, 0 or 1. */
    int firstBlock;
    /** Index of the last block of the message, 0 or 1. */
    int lastBlock;
    /** Offset of the first low digit in {@link #bytes}. */
    int lowOffset;
    /** Index in {@link #words} of the word that contains the first low digit. */
    int wordA;
    /** Index in {@link #words} of the word that contains the last low digit, equal to {@link #wordA} when one word contains all three. */
    int wordB;
    /** Bits that low value {@code v} sets in word A, indexed by {@code v}. */
    int[] lowWordA;
    /** Bits that low value {@code v} sets in word B. It is the same array as {@link #lowWordA} when word A is word B. */
    int[] lowWordB;

    private int tablesAlignment = -1;

    CandidateTemplate(byte[] prefix) {
        this.prefix = prefix.clone();
        this.prefixBlockBytes = prefix.length / BLOCK_BYTES * BLOCK_BYTES;
        this.midstate = Sha1Compression.INITIAL_STATE.clone();
        int[] block = new int[BLOCK_WORDS];
        for (int offset = 0; offset < prefixBlockBytes; offset += BLOCK_BYTES) {
            for (int i = 0; i < BLOCK_WORDS; i++) {
                block[i] = Sha1Compression.readWord(prefix, offset + 4 * i);
            }
            Sha1Compression.compress(midstate, block, 0, schedule);
        }
    }

    /** Lays out the run of counters {@code high * 1000 .. high * 1000 + 999}, where {@code high} 0 means 100 .. 999. */
    void prepare(long high) {
        Arrays.fill(bytes, (byte) 0);
        int tailLength = prefix.length - prefixBlockBytes;
        System.arraycopy(prefix, prefixBlockBytes, bytes, 0, tailLength);
        if (high > 0) {
            tailLength = writeDecimal(high, bytes, tailLength);
        }
        lowOffset = tailLength;
        tailLength += LOW_DIGITS;

        bytes[tailLength] = (byte) 0x80;
        int blocks = (tailLength + 1 + Long.BYTES + BLOCK_BYTES - 1) / BLOCK_BYTES;
        long messageBits = 8L * (prefixBlockBytes + tailLength);
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[blocks * BLOCK_BYTES - 1 - i] = (byte) (messageBits >>> (8 * i));
        }
        for (int i = 0; i < blocks * BLOCK_WORDS; i++) {
            words[i] = Sha1Compression.readWord(bytes, 4 * i);
        }

        lastBlock = blocks - 1;
        firstBlock = lowOffset / BLOCK_BYTES;
        System.arraycopy(midstate, 0, startState, 0, startState.length);
        if (firstBlock == 1) {
            Sha1Compression.compress(startState, words, 0, schedule);
        }

        wordA = lowOffset / 4;
        wordB = (lowOffset + LOW_DIGITS - 1) / 4;
        prepareTables(lowOffset % 4);
    }

    /** Fills the digit tables for low digits that start {@code alignment} bytes into a word. */
    private void prepareTables(int alignment) {
        if (alignment == tablesAlignment) {
            return;
        }
        lowWordA = new int[RUN_LENGTH + TABLE_PADDING];
        lowWordB = wordA == wordB ? lowWordA : new int[RUN_LENGTH + TABLE_PADDING];
        for (int v = 0; v < RUN_LENGTH; v++) {
            for (int i = 0; i < LOW_DIGITS; i++) {
                int position = alignment + i;
                int bits = (LOW_DIGIT_BYTES[LOW_DIGITS * v + i] & 0xff) << (24 - 8 * (position % 4));
                if (position < 4) {
                    lowWordA[v] |= bits;
                } else {
                    lowWordB[v] |= bits;
                }
            }
        }
        tablesAlignment = alignment;
    }

    /** Writes the decimal digits of the positive {@code value} at {@code offset} and returns the offset after them. */
    private static int writeDecimal(long value, byte[] target, int offset) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        long rest = value;
        for (int i = offset + digits - 1; i >= offset; i--) {
            target[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return offset + digits;
    }

    private static byte[] lowDigitBytes() {
        byte[] table = new byte[LOW_DIGITS * RUN_LENGTH];
        for (int v = 0; v < RUN_LENGTH; v++) {
            table[LOW_DIGITS * v] = (byte) ('0' + v / 100);
            table[LOW_DIGITS * v + 1] = (byte) ('0' + v / 10 % 10);
            table[LOW_DIGITS * v + 2] = (byte) ('0' + v % 10);
        }
        return table;
    }
}
