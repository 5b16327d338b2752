package pownode.node;

/**
 * The phases of one node. Transitions only go forward:
 * <pre>
 * NEW -> DISCOVERY -> ELECTION -> CONTROLLER
 *                              \-> MINER
 * </pre>
 */
public enum Phase {
    NEW,
    DISCOVERY,
    ELECTION,
    CONTROLLER,
    MINER
}
