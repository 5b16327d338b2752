package pownode.node;

/** What an elected node does: the leader controls the rounds, everyone else mines. */
public enum Role {
    CONTROLLER,
    MINER;

    /** The name used in the events file. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
