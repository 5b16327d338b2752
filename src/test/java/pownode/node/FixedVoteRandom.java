package pownode.node;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import pownode.protocol.Ranges;

/**
 * Randomness with a scripted VoteID. {@link Node} draws its vote with
 * {@code nextInt(65536)}, and no other draw uses that bound, so this generator returns the
 * fixed vote for that bound and seeded values for everything else.
 */
final class FixedVoteRandom implements RandomGenerator {
    private static final int VOTE_BOUND = Ranges.MAX_VOTE_ID + 1;

    private final int voteId;
    private final SplittableRandom rest;

    FixedVoteRandom(int voteId, long seed) {
        this.voteId = voteId;
        this.rest = new SplittableRandom(seed);
    }

    @Override
    public long nextLong() {
        return rest.nextLong();
    }

    @Override
    public long nextLong(long bound) {
        return rest.nextLong(bound);
    }

    @Override
    public int nextInt(int bound) {
        if (bound == VOTE_BOUND) {
            return voteId;
        }
        return rest.nextInt(bound);
    }
}
