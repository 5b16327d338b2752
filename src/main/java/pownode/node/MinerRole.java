package pownode.node;

import java.util.random.RandomGenerator;
import pownode.protocol.ChallengeMessage;
import pownode.protocol.ResultMessage;
import pownode.protocol.SolutionMessage;
import pownode.protocol.Topic;

/** A follower's part: mines each challenge and mirrors the controller's table. */
final class MinerRole {
    /** Own rejected solutions for one transaction after which the miner stops searching it. */
    static final int MAX_REJECTIONS_PER_TRANSACTION = 3;
    /** Upper bound of the random first counter, which keeps Solution strings short. */
    static final long FIRST_COUNTER_BOUND = 1_000_000_000L;

    private final NodeConfig config;
    private final RandomGenerator random;
    private final TransactionTable table;
    private final Outbox outbox;
    private final Rounds rounds;
    private long currentTransaction = -1;
    private boolean proposed;
    private String proposal;
    private int rejections;
    private boolean finished;
    private final ReportedRejections reportedRejections = new ReportedRejections();

    MinerRole(NodeConfig config, RandomGenerator random, TransactionTable table, Outbox outbox, Rounds rounds) {
        this.config = config;
        this.random = random;
        this.table = table;
        this.outbox = outbox;
        this.rounds = rounds;
    }

    boolean isFinished() {
        return finished;
    }

    void onChallenge(ChallengeMessage challenge) {
        long id = challenge.transactionId();
        if (challenge.challenge() > config.difficulty().maxChallenge()) {
            outbox.ignored(Topic.CHALLENGE, IgnoredReason.CHALLENGE_TOO_HARD, challenge.toString());
            return;
        }
        if (id <= table.highestId()) {
            boolean repeated = table.get(id).map(row -> row.challenge() == challenge.challenge()).orElse(false);
            if (!repeated) {
                outbox.ignored(Topic.CHALLENGE, IgnoredReason.CHALLENGE_NOT_NEWER, challenge.toString());
            } else if (id == currentTransaction && proposed && table.get(id).orElseThrow().isPending()) {
                // The controller republished the challenge, so the solution or its result may have been lost.
                outbox.publish(new SolutionMessage(config.clientId(), id, proposal));
            }
            return;
        }
        table.put(Transaction.open(id, challenge.challenge()));
        currentTransaction = id;
        proposed = false;
        rejections = 0;
        reportedRejections.clear();
        outbox.report(new NodeEvent.ChallengeReceived(id, challenge.challenge()));
        startSearch(id, challenge.challenge());
    }

    void onSolutionFound(long transactionId, String solution, long hashes, long elapsedNanos) {
        boolean open = table.get(transactionId).map(Transaction::isPending).orElse(false);
        if (transactionId != currentTransaction || !open || proposed) {
            return;
        }
        proposed = true;
        proposal = solution;
        outbox.publish(new SolutionMessage(config.clientId(), transactionId, solution));
        outbox.report(new NodeEvent.SolutionProposed(transactionId, solution, hashes, elapsedNanos));
    }

    void onResult(ResultMessage result) {
        Transaction transaction = table.get(result.transactionId()).orElse(null);
        if (transaction == null) {
            outbox.ignored(Topic.RESULT, IgnoredReason.RESULT_UNKNOWN_TRANSACTION, result.toString());
            return;
        }
        if (result.accepted()) {
            onWinner(transaction, result);
        } else {
            onRejection(transaction, result);
        }
    }

    private void onWinner(Transaction transaction, ResultMessage result) {
        if (!transaction.isPending()) {
            boolean sameWinner = transaction.winner() == result.clientId()
                    && transaction.solution().equals(result.solution());
            if (!sameWinner) {
                outbox.ignored(Topic.RESULT, IgnoredReason.RESULT_CONFLICTING_WINNER, result.toString());
            }
            return;
        }
        table.put(transaction.solvedBy(result.clientId(), result.solution()));
        outbox.report(new NodeEvent.ResultReceived(result.transactionId(), result.clientId(), result.solution(), true));
        if (result.transactionId() == currentTransaction) {
            outbox.stopMining();
        }
        if (rounds.countAccepted()) {
            finished = true;
            outbox.stopMining();
            outbox.finish(rounds.accepted());
        }
    }

    private void onRejection(Transaction transaction, ResultMessage result) {
        if (!reportedRejections.firstTime(result.transactionId(), result.clientId(), result.solution())) {
            return;
        }
        outbox.report(new NodeEvent.ResultReceived(result.transactionId(), result.clientId(), result.solution(), false));
        boolean ownOpenProposal = result.clientId() == config.clientId()
                && result.transactionId() == currentTransaction
                && transaction.isPending()
                && proposed;
        if (!ownOpenProposal) {
            return;
        }
        rejections++;
        proposed = false;
        boolean resume = rejections < MAX_REJECTIONS_PER_TRANSACTION;
        outbox.report(new NodeEvent.OwnSolutionRejected(result.transactionId(), resume));
        if (resume) {
            startSearch(transaction.id(), transaction.challenge());
        }
    }

    private void startSearch(long transactionId, int challenge) {
        String prefix = config.clientId() + ":" + transactionId + ":";
        outbox.startMining(transactionId, challenge, prefix, random.nextLong(FIRST_COUNTER_BOUND));
    }
}
