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
        Signal.handle(new Signal("INT"), signal -> stop.run());
        Signal.handle(new Signal("TERM"), signal -> stop.run());
    }
}
