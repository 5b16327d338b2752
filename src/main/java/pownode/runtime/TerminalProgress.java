package pownode.runtime;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import pownode.i18n.Messages;

/**
 * Progress on a terminal: one updating status line per challenge, drawn by the progressbar
 * library. The bar counts candidates against the expected number; past it, a message gives
 * the percentage beyond 100 %.
 */
final class TerminalProgress implements MiningProgress {
    private static final int REFRESH_MILLIS = 250;

    private final Messages messages;
    private final ConsoleProgressBarConsumer console = new ConsoleProgressBarConsumer(System.out);
    private ProgressBar bar;
    private double expectedHashes;

    TerminalProgress(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void started(long transactionId, int challenge, double expectedHashes, long nowMillis) {
        stopped();
        this.expectedHashes = Math.max(1, expectedHashes);
        bar = new ProgressBarBuilder()
                .setTaskName(messages.get("progress.task", transactionId, challenge))
                .setInitialMax(Math.max(1, (long) expectedHashes))
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" M", 1_000_000)
                .showSpeed()
                .setUpdateIntervalMillis(REFRESH_MILLIS)
                .continuousUpdate()
                .setConsumer(console)
                .clearDisplayOnFinish()
                .build();
    }

    @Override
    public void update(long hashes, long nowMillis) {
        if (bar == null) {
            return;
        }
        bar.stepTo(hashes);
        // The bar stops at 100 %, but a random search often needs more than the expected hashes.
        if (hashes > expectedHashes) {
            bar.setExtraMessage(messages.get("progress.beyondExpected", hashes / expectedHashes));
        }
    }

    /** Clears the status line so that a log line does not start in the middle of it; the bar redraws below. */
    @Override
    public void beforeLogLine() {
        if (bar != null) {
            console.clear();
        }
    }

    @Override
    public void stopped() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
