package pownode.report;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The group's measured hash rate: for each miner, its hashes divided by its mining time
 * over all its {@code solution} events, summed over the miners because they search at the
 * same time.
 */
public final class HashRate {
    private HashRate() {
    }

    /** Returns hashes per second of each miner, skipping solutions found in under 1 ms. */
    public static Map<Integer, Double> perMiner(Run run) {
        Map<Integer, long[]> totals = new TreeMap<>();
        for (MinedSolution solution : run.solutions()) {
            if (solution.elapsedMillis() <= 0) {
                continue;
            }
            long[] sums = totals.computeIfAbsent(solution.clientId(), id -> new long[2]);
            sums[0] += solution.hashes();
            sums[1] += solution.elapsedMillis();
        }
        Map<Integer, Double> rates = new TreeMap<>();
        totals.forEach((clientId, sums) -> rates.put(clientId, sums[0] * 1000.0 / sums[1]));
        return rates;
    }

    /**
     * Returns the sum of the miners' rates in hashes per second, empty when no solution took
     * 1 ms or more.
     * NOTE: short rounds include the JIT warm-up of the miner, so this estimate is low for
     * runs with few or small challenges.
     */
    public static OptionalDouble group(Run run) {
        Map<Integer, Double> rates = perMiner(run);
        if (rates.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(rates.values().stream().mapToDouble(Double::doubleValue).sum());
    }
}
