package pownode.report;

import java.util.HashMap;
import java.util.Map;
import pownode.protocol.Difficulty;

/** Finds the difficulty unit of a run from its solutions, because the events files do not record it. */
public final class UnitInference {
    private UnitInference() {
    }

    /**
     * Returns {@link Difficulty#BITS} when some solution meets its round's Challenge only in
     * bits, otherwise {@link Difficulty#HEX}. A hex run always gives HEX. A bits run gives
     * HEX only when every solution also has Challenge leading hex zeros, which for n solutions
     * happens with a probability of at most 8^-n.
     */
    public static Difficulty infer(Run run) {
        Map<Long, Integer> challenges = new HashMap<>();
        for (Round round : run.rounds()) {
            challenges.put(round.transactionId(), round.challenge());
        }
        for (MinedSolution solution : run.solutions()) {
            Integer challenge = challenges.get(solution.transactionId());
            boolean checkable = challenge != null && challenge >= 1 && challenge <= Difficulty.HEX.maxChallenge();
            if (checkable && !Difficulty.HEX.isMetBy(solution.solution(), challenge)) {
                return Difficulty.BITS;
            }
        }
        return Difficulty.HEX;
    }
}
