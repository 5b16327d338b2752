package pownode.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pownode.i18n.Messages;
import pownode.node.NodeEvent;
import pownode.node.Role;
import pownode.node.Transaction;
import pownode.protocol.Difficulty;
import pownode.protocol.InvalidMessageException;
import pownode.protocol.Sha1;
import pownode.protocol.Topic;
import pownode.transport.TransportListener;

/** Writes what happens to the node as localized log lines, each starting with the node's ClientID. */
public final class Presenter {
    /** Interval in milliseconds within which repeated warnings of one kind are printed once; the others are counted. */
    static final long WARNING_INTERVAL_MILLIS = 10_000;
    /** The controller's table shows at most this many of its latest rows after each round. */
    static final int TABLE_ROWS_SHOWN = 10;
    /** Mining time below which the exit summary gives no hash rate. */
    static final long MIN_RATE_MILLIS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger("node");

    private final Messages messages;
    private final int clientId;
    private final Difficulty difficulty;
    private final String topicPrefix;
    private final WarningLimiter warnings = new WarningLimiter(WARNING_INTERVAL_MILLIS);
    private volatile Runnable beforeLine = () -> { };

    public Presenter(Messages messages, int clientId, Difficulty difficulty, String topicPrefix) {
        this.messages = messages;
        this.clientId = clientId;
        this.difficulty = difficulty;
        this.topicPrefix = topicPrefix;
    }

    Messages messages() {
        return messages;
    }

    /** Sets what runs before each line, such as clearing a live status line on the terminal. */
    void beforeEachLine(Runnable action) {
        beforeLine = action;
    }

    public void info(String key, Object... args) {
        beforeLine.run();
        LOG.info("{} {}", clientId, messages.get(key, args));
    }

    public void warn(String key, Object... args) {
        beforeLine.run();
        LOG.warn("{} {}", clientId, messages.get(key, args));
    }

    public void error(String key, Object... args) {
        beforeLine.run();
        LOG.error("{} {}", clientId, messages.get(key, args));
    }

    /** Warns about a payload that could not be decoded, rate-limited per topic and problem. */
    public void invalidPayload(Topic topic, InvalidMessageException problem, long nowMillis) {
        String kind = "invalid." + problem.problem().name();
        rateLimitedWarning(kind + topic, nowMillis, kind, topic.under(topicPrefix), problem.field(), problem.value());
    }

    /** Warns about a message on a topic outside the five protocol topics. */
    public void unknownTopic(String topic, long nowMillis) {
        rateLimitedWarning("unknownTopic", nowMillis, "warn.unknownTopic", topic);
    }

    /** Warns that a reconnect attempt failed, rate-limited, with the delay before the next one. */
    public void reconnectFailed(String cause, long nextAttemptMillis, long nowMillis) {
        rateLimitedWarning("reconnectFailed", nowMillis, "transport.reconnectFailed", cause,
                nextAttemptMillis / 1000.0);
    }

    /** Warns that the transport dropped a publication, rate-limited per reason. */
    public void publicationDropped(String topic, TransportListener.DropReason reason, long nowMillis) {
        rateLimitedWarning("dropped." + reason, nowMillis, "transport.dropped." + reason.name(), topic);
    }

    public void report(NodeEvent event, long nowMillis) {
        if (event instanceof NodeEvent.ParticipantDiscovered discovered) {
            reportDiscovered(discovered, nowMillis);
        } else if (event instanceof NodeEvent.DiscoveryCompleted completed) {
            info("event.discoveryCompleted", completed.participants().size(), joined(completed.participants()));
        } else if (event instanceof NodeEvent.TooManyParticipants tooMany) {
            rateLimitedWarning("tooManyParticipants", nowMillis, "event.tooManyParticipants", tooMany.known(),
                    tooMany.expected());
        } else if (event instanceof NodeEvent.ParticipantLeft left) {
            reportLeft(left, nowMillis);
        } else if (event instanceof NodeEvent.DepartureRevoked revoked) {
            info("event.departureRevoked", revoked.clientId(), revoked.live(), revoked.expected());
        } else if (event instanceof NodeEvent.ElectionStarted started) {
            warn("event.electionStarted." + started.reason().name(), started.election());
        } else if (event instanceof NodeEvent.LeaderAdopted adopted) {
            String role = messages.get("role." + adopted.role().wireName());
            info("event.leaderAdopted", adopted.leader(), adopted.election(), role);
        } else if (event instanceof NodeEvent.NoMinersLeft) {
            warn("event.noMinersLeft");
        } else if (event instanceof NodeEvent.DuplicateClientId duplicate) {
            reportDuplicate(duplicate);
        } else if (event instanceof NodeEvent.VoteCast cast) {
            info("event.voteCast", cast.voteId());
        } else if (event instanceof NodeEvent.VoteReceived vote) {
            info("event.voteReceived", vote.clientId(), vote.voteId());
        } else if (event instanceof NodeEvent.LeaderElected elected) {
            String role = messages.get("role." + elected.role().wireName());
            info("event.elected", elected.leader(), elected.leaderVoteId(), elected.ownVoteId(), role);
        } else if (event instanceof NodeEvent.ChallengeIssued issued) {
            info("event.challengeIssued", issued.transactionId(), issued.challenge(), describe(issued.challenge()));
        } else if (event instanceof NodeEvent.ChallengeReceived received) {
            info("event.challengeReceived", received.transactionId(), received.challenge(),
                    describe(received.challenge()));
        } else if (event instanceof NodeEvent.SolutionProposed proposed) {
            reportSolution(proposed);
        } else if (event instanceof NodeEvent.ResultPublished published) {
            reportPublishedResult(published);
        } else if (event instanceof NodeEvent.ResultReceived received) {
            String key = received.accepted() ? "event.resultReceived.accepted" : "event.resultReceived.rejected";
            info(key, received.transactionId(), received.proposer(), received.solution());
        } else if (event instanceof NodeEvent.OwnSolutionRejected rejected) {
            if (rejected.searchResumed()) {
                warn("event.ownRejected.resumed", rejected.transactionId());
            } else {
                warn("event.ownRejected.stopped", rejected.transactionId());
            }
        } else if (event instanceof NodeEvent.TableSnapshot snapshot) {
            reportTable(snapshot.rows());
        } else if (event instanceof NodeEvent.InputIgnored ignored) {
            String kind = "ignored." + ignored.reason().name();
            rateLimitedWarning(kind, nowMillis, kind, ignored.topic().under(topicPrefix), ignored.detail(),
                    difficulty.name().toLowerCase(Locale.ROOT));
        } else if (event instanceof NodeEvent.StillWaiting waiting) {
            if (waiting.phase() == pownode.node.Phase.DISCOVERY) {
                warn("waiting.discovery", waiting.have(), waiting.need());
            } else {
                warn("waiting.election", waiting.have(), waiting.need(), joined(waiting.missing()));
            }
        } else if (event instanceof NodeEvent.RoundsCompleted completed) {
            info("event.roundsCompleted", completed.rounds());
        }
    }

    /** Beyond the expected group size, new ClientIDs are likely foreign; they are shown rate-limited. */
    private void reportDiscovered(NodeEvent.ParticipantDiscovered discovered, long nowMillis) {
        if (discovered.known() <= discovered.expected()) {
            info("event.discovered", discovered.clientId(), discovered.known(), discovered.expected());
        } else {
            rateLimitedWarning("discovered.extra", nowMillis, "event.discovered", discovered.clientId(),
                    discovered.known(), discovered.expected());
        }
    }

    /**
     * With at least the expected group size still live, the departure is likely a foreign or
     * forged ClientID's, so such departures are shown rate-limited.
     */
    private void reportLeft(NodeEvent.ParticipantLeft left, long nowMillis) {
        if (left.live() < left.expected()) {
            warn("event.participantLeft", left.clientId(), left.live(), left.expected());
        } else {
            rateLimitedWarning("left.extra", nowMillis, "event.participantLeft", left.clientId(), left.live(),
                    left.expected());
        }
    }

    private void reportDuplicate(NodeEvent.DuplicateClientId duplicate) {
        if (duplicate.newClientId() >= 0) {
            warn("event.duplicateClientId.redrawn", duplicate.clientId(), duplicate.newClientId());
        } else {
            error("event.duplicateClientId.stopped", duplicate.clientId());
        }
    }

    /** Prints wins per ClientID and the mean time to solve per Challenge value. */
    void scoreboard(RunStats stats) {
        info("scoreboard.header", stats.acceptedResults());
        stats.winsByClientId().entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
                .forEach(entry -> info("scoreboard.wins", entry.getKey(), entry.getValue()));
        stats.solveTimesByChallenge().forEach((challenge, times) ->
                info("scoreboard.solveTime", challenge, times.meanSeconds(), times.count()));
    }

    /** Prints the node's exit summary. */
    /**
     * Prints the exit summary. Below {@link #MIN_RATE_MILLIS} of mining, thread start and JIT
     * warm-up dominate, so the summary names the mining time instead of a misleading hash rate.
     */
    void summary(RunStats stats, long hashes, long miningMillis) {
        if (stats.role() == Role.CONTROLLER && hashes == 0) {
            info("summary.controller", stats.acceptedResults());
            return;
        }
        String role = stats.role() == null ? messages.get("role.none") : messages.get("role." + stats.role().wireName());
        if (miningMillis < MIN_RATE_MILLIS) {
            info("summary.shortMining", role, stats.acceptedResults(), stats.ownWins(), miningMillis / 1000.0);
            return;
        }
        info("summary", role, stats.acceptedResults(), stats.ownWins(), hashes * 1000.0 / miningMillis);
    }

    private void reportSolution(NodeEvent.SolutionProposed proposed) {
        double seconds = proposed.elapsedNanos() / 1e9;
        double rate = seconds > 0 ? proposed.hashes() / seconds : 0;
        String digest = Sha1.hex(Sha1.digest(proposed.solution()));
        info("event.solutionProposed", proposed.transactionId(), proposed.solution(), digest,
                proposed.hashes(), seconds, rate);
    }

    private void reportPublishedResult(NodeEvent.ResultPublished published) {
        if (published.accepted()) {
            info("event.resultPublished.accepted", published.transactionId(), published.proposer(),
                    published.solution());
        } else {
            String reason = messages.get("reason." + published.reason().name());
            info("event.resultPublished.rejected", published.transactionId(), published.proposer(),
                    published.solution(), reason);
        }
    }

    private void reportTable(List<Transaction> rows) {
        List<Transaction> shown = rows.subList(Math.max(0, rows.size() - TABLE_ROWS_SHOWN), rows.size());
        info("table.header", rows.size(), shown.size());
        LOG.info("{} {}", clientId, String.format("%13s | %9s | %-28s | %s",
                "TransactionID", "Challenge", "Solution", messages.get("table.winner")));
        for (Transaction row : shown) {
            String winner = row.isPending() ? messages.get("table.pending") : Integer.toString(row.winner());
            LOG.info("{} {}", clientId, String.format("%13d | %9d | %-28s | %s",
                    row.id(), row.challenge(), row.solution(), winner));
        }
    }

    private String describe(int challenge) {
        String key = difficulty == Difficulty.HEX ? "challenge.hex" : "challenge.bits";
        return messages.get(key, difficulty.requiredZeroBits(challenge), challenge, difficulty.expectedHashes(challenge));
    }

    private void rateLimitedWarning(String kind, long nowMillis, String key, Object... args) {
        long suppressed = warnings.admit(kind, nowMillis);
        if (suppressed < 0) {
            return;
        }
        warn(key, args);
        if (suppressed > 0) {
            warn("warn.suppressed", suppressed);
        }
    }

    private static String joined(List<Integer> ids) {
        StringBuilder text = new StringBuilder();
        for (int id : ids) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(id);
        }
        return text.toString();
    }
}
