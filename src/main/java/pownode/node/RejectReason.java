package pownode.node;

/** The reason the controller replied to a proposal with Result 0. */
public enum RejectReason {
    UNKNOWN_TRANSACTION,
    REPLAYED_SOLUTION,
    ALREADY_SOLVED,
    INVALID_HASH,
    /**
     * The transaction is a predecessor's. Its Result may have been lost when that leader's link
     * dropped, so only the predecessor could judge it without risking a second winner.
     */
    PREVIOUS_LEADER
}
