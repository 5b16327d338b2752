package pownode.cli;

import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a graceful stop, so the node disconnects and the
 * process exits with code 0 instead of the JVM's 130.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void install(Runnable stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // The JVM keeps some signals for itself, for example with -Xrs; the default action stays.
            }
        }
    }
}
