package pownode.protocol;

/** A decoded protocol message; each record validates its ranges when built. */
public sealed interface Message
        permits InitMessage, VoteMessage, ChallengeMessage, SolutionMessage, ResultMessage, PresenceMessage {

    /** The topic this message travels on. */
    Topic topic();
}
