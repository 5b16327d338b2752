package pownode.node;

/** Counts accepted results across role changes, for the {@code --rounds} limit. */
final class Rounds {
    private final int limit;
    private int accepted;

    /** @param limit accepted results after which the node finishes; 0 for no limit */
    Rounds(int limit) {
        this.limit = limit;
    }

    /** Counts one accepted result; returns true when it reaches the limit. */
    boolean countAccepted() {
        accepted++;
        return limit > 0 && accepted >= limit;
    }

    int accepted() {
        return accepted;
    }
}
