package pownode.node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import pownode.protocol.ChallengeMessage;
import pownode.protocol.ResultMessage;
import pownode.protocol.SolutionMessage;
import pownode.protocol.Topic;

/** The leader's part: issues challenges, judges proposals, announces winners. It never mines. */
final class ControllerRole {
    private static final long NOTHING_SCHEDULED = -1;
    static final long REPUBLISH_GAP_MILLIS = 2000;
    /**
     * Pause after a reconnect before this controller publishes or judges anything. Peers that
     * elected a successor meanwhile reply to its presence, in about 0.2 s on a local broker, and
     * it steps down without publishing a challenge that would clash with the successor's.
     * NOTE: a reply slower than the pause still finds the old controller publishing.
     */
    static final long RECONNECT_HOLD_MILLIS = 2000;
    /** Solutions kept during the pause; more are dropped, and their proposers try again at the republished challenge. */
    private static final int MAX_HELD_SOLUTIONS = 64;

    private final NodeConfig config;
    private final RandomGenerator random;
    private final TransactionTable table;
    private final Outbox outbox;
    private final Set<String> acceptedSolutions = new HashSet<>();
    private final Rounds rounds;
    private final ReportedRejections reportedRejections = new ReportedRejections();
    private long nextChallengeAt = NOTHING_SCHEDULED;
    private long lastRepublishedAt = Long.MIN_VALUE / 2;
    private boolean republishDeferred;
    private boolean finished;
    private boolean offline;
    /** The first TransactionID this controller issued; lower ones are a predecessor's. */
    private long firstOwnTransaction;
    private long holdUntil = NOTHING_SCHEDULED;
    private final List<SolutionMessage> heldSolutions = new ArrayList<>();

    ControllerRole(NodeConfig config, RandomGenerator random, TransactionTable table, Outbox outbox, Rounds rounds) {
        this.config = config;
        this.random = random;
        this.table = table;
        this.outbox = outbox;
        this.rounds = rounds;
        // A controller elected after a failover still rejects the Solutions its predecessor accepted.
        for (Transaction row : table.rows()) {
            if (!row.isPending()) {
                acceptedSolutions.add(row.solution());
            }
        }
    }

    /**
     * Issues the first challenge, above every TransactionID in the table and above
     * {@code highestTransactionHeard}, which peers reported to a node that restarted without its table.
     */
    void start(long highestTransactionHeard) {
        firstOwnTransaction = Math.max(table.highestId(), highestTransactionHeard) + 1;
        issueChallenge(firstOwnTransaction);
    }

    boolean isFinished() {
        return finished;
    }

    /** Stops publishing while offline: a successor may be elected meanwhile. */
    void onConnectionLost() {
        offline = true;
    }

    /** Waits {@link #RECONNECT_HOLD_MILLIS} for news of a newer election, then republishes the open challenge. */
    void onReconnected(long now) {
        offline = false;
        holdUntil = now + RECONNECT_HOLD_MILLIS;
        republishDeferred = true;
        lastRepublishedAt = Long.MIN_VALUE / 2;
    }

    private boolean isPaused(long now) {
        return offline || (holdUntil != NOTHING_SCHEDULED && now < holdUntil);
    }

    void onTick(long now) {
        if (isPaused(now)) {
            return;
        }
        if (holdUntil != NOTHING_SCHEDULED) {
            holdUntil = NOTHING_SCHEDULED;
            List<SolutionMessage> proposals = List.copyOf(heldSolutions);
            heldSolutions.clear();
            proposals.forEach(proposal -> onSolution(proposal, now));
        }
        if (republishDeferred && now - lastRepublishedAt >= REPUBLISH_GAP_MILLIS) {
            republishOpenChallenge(now);
        }
        if (nextChallengeAt != NOTHING_SCHEDULED && now >= nextChallengeAt) {
            nextChallengeAt = NOTHING_SCHEDULED;
            issueChallenge(table.highestId() + 1);
        }
    }

    /** Ignores its own challenges coming back from the broker; reports anyone else's. */
    void onChallenge(ChallengeMessage challenge) {
        boolean own = table.get(challenge.transactionId())
                .map(row -> row.challenge() == challenge.challenge())
                .orElse(false);
        if (!own) {
            outbox.ignored(Topic.CHALLENGE, IgnoredReason.CHALLENGE_WHILE_CONTROLLER, challenge.toString());
        }
    }

    void onSolution(SolutionMessage proposal, long now) {
        if (isPaused(now)) {
            if (heldSolutions.size() < MAX_HELD_SOLUTIONS) {
                heldSolutions.add(proposal);
            }
            return;
        }
        if (isRepeatedWinner(proposal)) {
            // The winner sent the same proposal again, for example after a republished challenge: it already has its result.
            return;
        }
        RejectReason reason = judge(proposal);
        if (reason != null) {
            // A repeated proposal gets the same Result again, in case the first one was lost, but is reported once.
            publishResult(proposal, ResultMessage.REJECTED, reason,
                    reportedRejections.firstTime(proposal.transactionId(), proposal.clientId(), proposal.solution()));
            return;
        }
        Transaction solved = table.get(proposal.transactionId()).orElseThrow()
                .solvedBy(proposal.clientId(), proposal.solution());
        table.put(solved);
        acceptedSolutions.add(proposal.solution());
        publishResult(proposal, ResultMessage.ACCEPTED, null, true);
        outbox.report(new NodeEvent.TableSnapshot(table.rows()));
        if (rounds.countAccepted()) {
            finished = true;
            outbox.finish(rounds.accepted());
        } else {
            nextChallengeAt = now + config.nextChallengeDelayMillis();
        }
    }

    /**
     * Publishes the open challenge again, for a participant that joined or reconnected while
     * it was open. A request within {@link #REPUBLISH_GAP_MILLIS} of the last publication is
     * deferred to the end of that gap, so a flood of presences is not amplified.
     */
    void republishOpenChallenge(long now) {
        if (isPaused(now)) {
            republishDeferred = true;
            return;
        }
        Transaction last = table.get(table.highestId()).orElse(null);
        if (last == null || !last.isPending()) {
            republishDeferred = false;
            return;
        }
        if (now - lastRepublishedAt < REPUBLISH_GAP_MILLIS) {
            republishDeferred = true;
            return;
        }
        republishDeferred = false;
        lastRepublishedAt = now;
        outbox.publish(new ChallengeMessage(last.id(), last.challenge()));
    }

    private boolean isRepeatedWinner(SolutionMessage proposal) {
        return table.get(proposal.transactionId())
                .map(row -> row.winner() == proposal.clientId() && row.solution().equals(proposal.solution()))
                .orElse(false);
    }

    /** Returns why {@code proposal} loses, or null when it wins its transaction. */
    private RejectReason judge(SolutionMessage proposal) {
        Transaction transaction = table.get(proposal.transactionId()).orElse(null);
        if (transaction == null) {
            return RejectReason.UNKNOWN_TRANSACTION;
        }
        if (acceptedSolutions.contains(proposal.solution())) {
            return RejectReason.REPLAYED_SOLUTION;
        }
        if (!transaction.isPending()) {
            return RejectReason.ALREADY_SOLVED;
        }
        if (transaction.id() < firstOwnTransaction) {
            return RejectReason.PREVIOUS_LEADER;
        }
        if (!config.difficulty().isMetBy(proposal.solution(), transaction.challenge())) {
            return RejectReason.INVALID_HASH;
        }
        return null;
    }

    private void publishResult(SolutionMessage proposal, int result, RejectReason reason, boolean report) {
        outbox.publish(new ResultMessage(proposal.clientId(), proposal.transactionId(), proposal.solution(), result));
        if (report) {
            outbox.report(new NodeEvent.ResultPublished(proposal.transactionId(), proposal.clientId(),
                    proposal.solution(), result != ResultMessage.REJECTED, reason));
        }
    }

    private void issueChallenge(long transactionId) {
        int challenge = config.minChallenge() + random.nextInt(config.maxChallenge() - config.minChallenge() + 1);
        table.put(Transaction.open(transactionId, challenge));
        reportedRejections.clear();
        outbox.publish(new ChallengeMessage(transactionId, challenge));
        outbox.report(new NodeEvent.ChallengeIssued(transactionId, challenge));
    }
}
