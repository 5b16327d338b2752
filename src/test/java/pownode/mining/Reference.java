package pownode.mining;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import pownode.protocol.Difficulty;
import pownode.protocol.Sha1;

/** The obvious search, one String and one full digest per candidate, that the kernels must agree with. */
final class Reference {
    private Reference() {
    }

    static byte[] candidate(byte[] prefix, long counter) {
        byte[] digits = Long.toString(counter).getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[prefix.length + digits.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(digits, 0, bytes, prefix.length, digits.length);
        return bytes;
    }

    static byte[] digest(byte[] prefix, long counter) {
        MessageDigest sha1 = Sha1.newDigest();
        return sha1.digest(candidate(prefix, counter));
    }

    /**
     * Returns the first counter in {@code [first, first + limit)} whose digest has {@code zeroBits}
     * leading zero bits, or -1 if there is none.
     */
    static long firstSolution(byte[] prefix, long first, int zeroBits, long limit) {
        for (long counter = first; counter - first < limit && counter >= 0; counter++) {
            if (Difficulty.leadingZeroBits(digest(prefix, counter)) >= zeroBits) {
                return counter;
            }
        }
        return -1;
    }
}
