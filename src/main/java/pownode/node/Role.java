package pownode.node;

/** The role of an elected node: the leader controls the rounds, everyone else mines. */
public enum Role {
    CONTROLLER,
    MINER;

    /** Returns the name used in the events file. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
