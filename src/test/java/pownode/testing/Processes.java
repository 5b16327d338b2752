package pownode.testing;

import java.util.concurrent.TimeUnit;

/** Stops processes that tests started. */
public final class Processes {
    private Processes() {
    }

    /** Sends SIGTERM, waits up to ten seconds for the exit, then kills the process. */
    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
