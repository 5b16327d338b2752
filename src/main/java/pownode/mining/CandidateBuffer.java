package pownode.mining;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of {@code prefix + decimal(counter)}, with the counter incremented in place so
 * that no candidate allocates.
 */
final class CandidateBuffer {
    private static final int MAX_COUNTER_DIGITS = 19;

    private final byte[] bytes;
    private final int prefixLength;
    private int length;

    CandidateBuffer(byte[] prefix, long counter) {
        this.prefixLength = prefix.length;
        this.bytes = new byte[prefix.length + MAX_COUNTER_DIGITS];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        byte[] digits = Long.toString(counter).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, bytes, prefixLength, digits.length);
        this.length = prefixLength + digits.length;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Adds one to the counter; 999 becomes 1000 by growing the buffer's used length. */
    void increment() {
        int i = length - 1;
        while (i >= prefixLength && bytes[i] == '9') {
            bytes[i] = '0';
            i--;
        }
        if (i >= prefixLength) {
            bytes[i]++;
            return;
        }
        bytes[prefixLength] = '1';
        bytes[length] = '0';
        length++;
    }

    String text() {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
