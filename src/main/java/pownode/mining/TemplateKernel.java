package pownode.mining;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import pownode.protocol.Difficulty;
import pownode.protocol.Sha1;

/**
 * The search loop shared by the midstate kernels. It walks the counters run by run (see
 * {@link CandidateTemplate}), lets a {@link Scanner} test the first digest word of each
 * candidate, and confirms hits that need more than 32 zero bits with a full digest. Counters
 * below 100 and those confirmations go through {@link MessageDigest}.
 *
 * <p>{@link SearchKernel.Control#shouldStop} is called after every run, so at most 1000
 * candidates pass between two calls.
 */
abstract class TemplateKernel implements SearchKernel {
    private static final int MAX_ZERO_BITS = 160;

    /** Tests the candidates of one run. A scanner belongs to one search on one thread. */
    interface Scanner {
        /** Takes the layout of the run that {@link CandidateTemplate#prepare} just laid out. */
        void load(CandidateTemplate template);

        /**
         * Returns the first low value {@code v} in {@code [from, to)} whose candidate digest
         * starts with a word {@code w} where {@code w >>> shift == 0}, or -1 if there is none.
         */
        int scan(int from, int to, int shift);
    }

    /** Creates the per-search state of this kernel. */
    abstract Scanner newScanner();

    @Override
    public final long search(byte[] prefix, long first, int zeroBits, SearchKernel.Control control) {
        if (first < 0) {
            throw new IllegalArgumentException("first counter must be >= 0, got " + first);
        }
        if (zeroBits < 0 || zeroBits > MAX_ZERO_BITS) {
            throw new IllegalArgumentException("zeroBits must be in [0, 160], got " + zeroBits);
        }
        if (zeroBits == 0) {
            control.shouldStop(1);
            return first;
        }
        MessageDigest digest = Sha1.newDigest();
        long unreported = 0;
        long counter = first;
        for (; counter < CandidateTemplate.FIRST_RUN_COUNTER; counter++) {
            unreported++;
            if (meets(digest, prefix, counter, zeroBits)) {
                control.shouldStop(unreported);
                return counter;
            }
        }

        CandidateTemplate template = new CandidateTemplate(prefix);
        Scanner scanner = newScanner();
        int shift = 32 - Math.min(zeroBits, 32);
        while (true) {
            long high = counter / CandidateTemplate.RUN_LENGTH;
            long runStart = high * CandidateTemplate.RUN_LENGTH;
            int from = (int) (counter - runStart);
            // The last run ends at Long.MAX_VALUE, which ends in 807.
            long lastInRun = Long.MAX_VALUE - runStart;
            int to = lastInRun < CandidateTemplate.RUN_LENGTH ? (int) lastInRun + 1 : CandidateTemplate.RUN_LENGTH;
            template.prepare(high);
            scanner.load(template);

            while (from < to) {
                int hit = scanner.scan(from, to, shift);
                if (hit < 0) {
                    unreported += to - from;
                    break;
                }
                unreported += hit - from + 1;
                long candidate = runStart + hit;
                if (zeroBits <= 32 || meets(digest, prefix, candidate, zeroBits)) {
                    control.shouldStop(unreported);
                    return candidate;
                }
                from = hit + 1;
            }

            boolean stop = control.shouldStop(unreported);
            unreported = 0;
            if (stop || to < CandidateTemplate.RUN_LENGTH) {
                // NOTE: a search that passes Long.MAX_VALUE returns -1 as if stopped; at 10^8
                // candidates per second that takes about 3000 years.
                return -1;
            }
            counter = runStart + CandidateTemplate.RUN_LENGTH;
        }
    }

    /** Tells whether the full digest of {@code prefix + decimal(counter)} has {@code zeroBits} leading zero bits. */
    private static boolean meets(MessageDigest digest, byte[] prefix, long counter, int zeroBits) {
        digest.update(prefix);
        digest.update(Long.toString(counter).getBytes(StandardCharsets.US_ASCII));
        return Difficulty.leadingZeroBits(digest.digest()) >= zeroBits;
    }
}
