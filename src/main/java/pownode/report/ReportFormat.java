package pownode.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.TreeSet;

/** Number formats and node lists shared by the charts and the page. */
final class ReportFormat {
    private ReportFormat() {
    }

    /** Formats hashes per second with a k, M or G prefix and the decimal separator of {@code locale}. */
    static String hashRate(double hashesPerSecond, Locale locale) {
        if (hashesPerSecond >= 1e9) {
            return String.format(locale, "%.1f G", hashesPerSecond / 1e9);
        }
        if (hashesPerSecond >= 1e6) {
            return String.format(locale, "%.1f M", hashesPerSecond / 1e6);
        }
        if (hashesPerSecond >= 1e3) {
            return String.format(locale, "%.1f k", hashesPerSecond / 1e3);
        }
        return String.format(locale, "%.0f", hashesPerSecond);
    }

    /** Formats the seconds from {@code start} to {@code time} with three decimals. */
    static String secondsSince(Instant start, Instant time, Locale locale) {
        return seconds(Duration.between(start, time), locale);
    }

    /** Formats {@code duration} in seconds with three decimals. */
    static String seconds(Duration duration, Locale locale) {
        return String.format(locale, "%.3f", duration.toNanos() / 1e9);
    }

    /**
     * Returns the ClientIDs that mined in this run, sorted: every participant and late joiner
     * that was never elected leader, and any node that won or proposed a solution.
     */
    static TreeSet<Integer> miners(Run run) {
        TreeSet<Integer> miners = new TreeSet<>(run.participants().isEmpty() ? run.nodes() : run.participants());
        run.lateJoiners().forEach(joiner -> miners.add(joiner.clientId()));
        miners.removeAll(run.leaders());
        run.rounds().stream().filter(Round::solved).forEach(round -> miners.add(round.winner()));
        run.solutions().forEach(solution -> miners.add(solution.clientId()));
        return miners;
    }
}
