package pownode.node;

/** Why the controller answered a proposal with Result 0. */
public enum RejectReason {
    UNKNOWN_TRANSACTION,
    REPLAYED_SOLUTION,
    ALREADY_SOLVED,
    INVALID_HASH
}
