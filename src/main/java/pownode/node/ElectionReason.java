package pownode.node;

/** The reason a node started an election after the first one. */
public enum ElectionReason {
    /** The leader sent its leave message or its last will. */
    LEADER_LEFT,
    /** A peer voted in a newer election. */
    NEWER_ELECTION,
    /** This node restarted with the ClientID that the group still names as its leader. */
    LEADER_RESTARTED
}
