package pownode.mining;

/**
 * The SHA-1 compression function (FIPS 180-4, section 6.1.2) on big-endian 32-bit words,
 * written in plain Java so that the JIT compiles it to register code on any JVM.
 */
final class Sha1Compression {
    /** The initial hash value H(0) of SHA-1. */
    static final int[] INITIAL_STATE = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};

    static final int K0 = 0x5A827999;
    static final int K1 = 0x6ED9EBA1;
    static final int K2 = 0x8F1BBCDC;
    static final int K3 = 0xCA62C1D6;

    private Sha1Compression() {
    }

    /**
     * Compresses the 16 words {@code block[offset .. offset + 15]} into {@code state}.
     *
     * @param schedule scratch space of at least 80 words, so that no call allocates
     */
    static void compress(int[] state, int[] block, int offset, int[] schedule) {
        System.arraycopy(block, offset, schedule, 0, 16);
        for (int t = 16; t < 80; t++) {
            schedule[t] = Integer.rotateLeft(schedule[t - 3] ^ schedule[t - 8] ^ schedule[t - 14] ^ schedule[t - 16], 1);
        }

        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        for (int t = 0; t < 20; t++) {
            int temp = Integer.rotateLeft(a, 5) + ((b & c) | (~b & d)) + e + K0 + schedule[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = temp;
        }
        for (int t = 20; t < 40; t++) {
            int temp = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + K1 + schedule[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = temp;
        }
        for (int t = 40; t < 60; t++) {
            int temp = Integer.rotateLeft(a, 5) + ((b & c) | (b & d) | (c & d)) + e + K2 + schedule[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = temp;
        }
        for (int t = 60; t < 80; t++) {
            int temp = Integer.rotateLeft(a, 5) + (b ^ c ^ d) + e + K3 + schedule[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = temp;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }

    /** Reads the big-endian word at {@code bytes[offset .. offset + 3]}. */
    static int readWord(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24
                | (bytes[offset + 1] & 0xff) << 16
                | (bytes[offset + 2] & 0xff) << 8
                | (bytes[offset + 3] & 0xff);
    }
}
