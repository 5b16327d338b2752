package pownode.mining;

import java.util.Objects;
import pownode.protocol.Difficulty;

/**
 * One search: find a counter such that SHA-1 of {@code prefix + decimal(counter)} meets
 * {@code challenge} in {@code unit}. Counters start at {@code firstCounter}.
 */
public record MiningJob(long transactionId, int challenge, Difficulty unit, String prefix, long firstCounter) {
    public MiningJob {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(prefix, "prefix");
        if (firstCounter < 0) {
            throw new IllegalArgumentException("firstCounter must be >= 0, got " + firstCounter);
        }
    }
}
