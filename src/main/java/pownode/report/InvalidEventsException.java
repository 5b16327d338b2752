package pownode.report;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * An events file that cannot be part of one run's report: not JSON, a missing or invalid
 * field, or events that contradict another file of the same run. Carries the message key of
 * the {@code i18n/report} bundle and its arguments, so the command line prints it localized.
 */
public final class InvalidEventsException extends Exception {
    private final Path file;
    private final int line;
    private final String key;
    private final Object[] args;

    /**
     * Creates the exception for {@code line} of {@code file}, or for the whole file when
     * {@code line} is 0. The bundle pattern under {@code key} takes {@code args} from {0} on.
     */
    public InvalidEventsException(Path file, int line, String key, Object... args) {
        super(file + ":" + line + ": " + key + " " + Arrays.toString(args));
        this.file = file;
        this.line = line;
        this.key = key;
        this.args = args.clone();
    }

    public Path file() {
        return file;
    }

    /** Returns the 1-based line number, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
