package pownode.node;

/** The reason a well-formed message was ignored: it does not fit this node's state. */
public enum IgnoredReason {
    RETAINED,
    CHALLENGE_TOO_HARD,
    CHALLENGE_NOT_NEWER,
    CHALLENGE_WHILE_CONTROLLER,
    RESULT_UNKNOWN_TRANSACTION,
    RESULT_CONFLICTING_WINNER,
    VOTE_CHANGED
}
