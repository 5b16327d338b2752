package pownode.node;

import java.util.List;
import pownode.protocol.Topic;

/** Something that happened to a node, for the terminal and the events file. */
public sealed interface NodeEvent {

    record ParticipantDiscovered(int clientId, int known, int expected) implements NodeEvent {
    }

    record DiscoveryCompleted(List<Integer> participants) implements NodeEvent {
    }

    /** More distinct ClientIDs than expected: another group probably shares the topics. */
    record TooManyParticipants(int known, int expected) implements NodeEvent {
    }

    record VoteCast(int voteId) implements NodeEvent {
    }

    record VoteReceived(int clientId, int voteId) implements NodeEvent {
    }

    record LeaderElected(int leader, int leaderVoteId, int ownVoteId, Role role, int election) implements NodeEvent {
    }

    /** This node joined a group that had already elected {@code leader}, without voting. */
    record LeaderAdopted(int leader, int election, Role role) implements NodeEvent {
    }

    record ElectionStarted(int election, ElectionReason reason) implements NodeEvent {
    }

    /** A participant sent its leave message, or the broker sent its last will. */
    record ParticipantLeft(int clientId, int live, int expected) implements NodeEvent {
    }

    /** A departure taken back because its will came while the broker shut down, with the peer still running. */
    record DepartureRevoked(int clientId, int live, int expected) implements NodeEvent {
    }

    /** The controller has no live miner left; it keeps waiting for solutions. */
    record NoMinersLeft() implements NodeEvent {
    }

    /**
     * Another process uses this node's ClientID. {@code newClientId} is the ClientID drawn
     * instead, or -1 when this node stops.
     */
    record DuplicateClientId(int clientId, int newClientId) implements NodeEvent {
    }

    /** A challenge this node published as the controller. */
    record ChallengeIssued(long transactionId, int challenge) implements NodeEvent {
    }

    /** A challenge this node received as a miner. */
    record ChallengeReceived(long transactionId, int challenge) implements NodeEvent {
    }

    /** This miner published its own solution. */
    record SolutionProposed(long transactionId, String solution, long hashes, long elapsedNanos)
            implements NodeEvent {
    }

    /** The controller decided on a proposal; {@code reason} is null when accepted. */
    record ResultPublished(long transactionId, int proposer, String solution, boolean accepted,
            RejectReason reason) implements NodeEvent {
    }

    /** A miner received the controller's result on a proposal. */
    record ResultReceived(long transactionId, int proposer, String solution, boolean accepted)
            implements NodeEvent {
    }

    /** The controller rejected this miner's solution while the transaction is still open. */
    record OwnSolutionRejected(long transactionId, boolean searchResumed) implements NodeEvent {
    }

    /** The controller's table after a round. */
    record TableSnapshot(List<Transaction> rows) implements NodeEvent {
    }

    /** A well-formed message that does not fit this node's state. */
    record InputIgnored(Topic topic, IgnoredReason reason, String detail) implements NodeEvent {
    }

    record RoundsCompleted(int rounds) implements NodeEvent {
    }

    /**
     * Discovery or an election still waits: {@code have} of {@code need} participants or
     * votes, and in an election the live participants whose vote is {@code missing}.
     */
    record StillWaiting(Phase phase, int have, int need, List<Integer> missing) implements NodeEvent {
    }
}
