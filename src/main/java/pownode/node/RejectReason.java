package pownode.node;

/** The reason the controller replied to a proposal with Result 0. */
public enum RejectReason {
    UNKNOWN_TRANSACTION,
    REPLAYED_SOLUTION,
    ALREADY_SOLVED,
    INVALID_HASH
}
