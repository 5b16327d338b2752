package pownode.mining;

/**
 * A single-threaded search loop. It hashes {@code prefix + decimal(counter)} for counters
 * {@code first, first + 1, ...} and returns the first counter whose digest has at least
 * {@code zeroBits} leading zero bits, or -1 once {@code control} requests a stop.
 */
public interface SearchKernel {

    /** Called between batches of candidates; returns true to stop the search. */
    interface Control {
        boolean shouldStop(long hashedSinceLastCall);
    }

    String name();

    long search(byte[] prefix, long first, int zeroBits, Control control);
}
