package pownode.node;

/**
 * The identity that distinguishes this node process from another one that uses the same ClientID.
 *
 * @param session a random id of this process
 * @param startedAtMillis when the process started, in epoch milliseconds; the later of two
 *     duplicates gives way
 * @param clientIdWasRandom true when the ClientID was drawn, so it may be drawn again
 */
public record Identity(String session, long startedAtMillis, boolean clientIdWasRandom) {

    /** Tells whether this process started after {@code other}; the session breaks ties. */
    boolean startedAfter(String otherSession, long otherStartedAtMillis) {
        if (startedAtMillis != otherStartedAtMillis) {
            return startedAtMillis > otherStartedAtMillis;
        }
        return session.compareTo(otherSession) > 0;
    }
}
