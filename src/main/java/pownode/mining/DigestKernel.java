package pownode.mining;

import java.security.DigestException;
import java.security.MessageDigest;
import pownode.protocol.Difficulty;
import pownode.protocol.Sha1;

/** The portable kernel: the JDK's {@link MessageDigest} on each candidate, no allocation per candidate. */
public final class DigestKernel implements SearchKernel {
    private static final int BATCH = 4096;

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public long search(byte[] prefix, long first, int zeroBits, SearchKernel.Control control) {
        MessageDigest sha1 = Sha1.newDigest();
        CandidateBuffer candidate = new CandidateBuffer(prefix, first);
        byte[] digest = new byte[20];
        long counter = first;
        while (true) {
            for (int i = 0; i < BATCH; i++) {
                hash(sha1, candidate, digest);
                if (Difficulty.leadingZeroBits(digest) >= zeroBits) {
                    control.shouldStop(i + 1);
                    return counter;
                }
                candidate.increment();
                counter++;
            }
            if (control.shouldStop(BATCH)) {
                return -1;
            }
        }
    }

    private static void hash(MessageDigest sha1, CandidateBuffer candidate, byte[] digest) {
        sha1.update(candidate.bytes(), 0, candidate.length());
        try {
            sha1.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("a 20-byte buffer always fits a SHA-1 digest", e);
        }
    }
}
