package pownode.runtime;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pownode.mining.Miner;
import pownode.mining.MiningJob;
import pownode.node.Action;
import pownode.node.Node;
import pownode.node.NodeEvent;
import pownode.protocol.Difficulty;
import pownode.protocol.InvalidMessageException;
import pownode.protocol.Message;
import pownode.protocol.MessageCodec;
import pownode.protocol.Topic;
import pownode.transport.TransportListener;

/**
 * The event loop of one node. Paho's callback thread and the miner threads only put inputs
 * on a queue; this loop, on a single thread, decodes them, steps the {@link Node} and
 * carries out its actions: publishing, mining, printing and recording events.
 */
public final class NodeRuntime {
    /** How often timers are checked; the state machine's delays are multiples of it at best. */
    static final long TICK_MILLIS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);

    /** Publishes a payload with QoS 1; must not block for long. */
    public interface Publisher {
        void publish(String topic, byte[] payload);
    }

    private sealed interface Input {
    }

    private record Delivery(String topic, byte[] payload, boolean retained) implements Input {
    }

    private record SolutionFound(MiningJob job, String solution, long hashes, long elapsedNanos) implements Input {
    }

    private record ConnectionLost(Throwable cause) implements Input {
    }

    private record ReconnectFailed(Throwable cause, long nextAttemptMillis) implements Input {
    }

    private record Reconnected() implements Input {
    }

    private record PublicationDropped(String topic, TransportListener.DropReason reason) implements Input {
    }

    private record StopRequested() implements Input {
    }

    private final BlockingQueue<Input> inputs = new LinkedBlockingQueue<>();
    private final MessageCodec codec = new MessageCodec();
    private final Node node;
    private final Difficulty difficulty;
    private final String topicPrefix;
    private final Publisher publisher;
    private final Miner miner;
    private final Presenter presenter;
    private final EventsFile events;
    private final LongSupplier monotonicMillis;
    private final Clock wallClock;
    private final RunStats stats;
    private final MiningProgress progress;
    private long hashesAtJobStart;
    /** The reason a run ended. */
    public enum Outcome {
        /** The node reached its round limit. */
        FINISHED,
        /** A stop was requested, for example by Ctrl-C. */
        STOPPED,
        /** The node cannot go on, for example because another process uses its ClientID. */
        ABORTED
    }

    private Outcome outcome;

    /**
     * @param minerFactory builds the miner given the listener it must report solutions to
     * @param events the events file, or null when none was requested
     * @param terminal true to draw live progress for a person at a terminal, false for plain log lines
     */
    public NodeRuntime(Node node, Difficulty difficulty, String topicPrefix, Publisher publisher,
            Function<Miner.SolutionListener, Miner> minerFactory, Presenter presenter, EventsFile events,
            LongSupplier monotonicMillis, Clock wallClock, boolean terminal) {
        this.node = node;
        this.difficulty = difficulty;
        this.topicPrefix = topicPrefix;
        this.publisher = publisher;
        this.miner = minerFactory.apply(this::solutionFound);
        this.presenter = presenter;
        this.events = events;
        this.monotonicMillis = monotonicMillis;
        this.wallClock = wallClock;
        this.stats = new RunStats(node.clientId());
        this.progress = terminal ? new TerminalProgress(presenter.messages()) : new PlainProgress(presenter);
        presenter.beforeEachLine(progress::beforeLogLine);
    }

    /** Returns the listener for the transport, which only queues inputs for this loop. */
    public TransportListener transportListener() {
        return new TransportListener() {
            @Override
            public void messageArrived(String topic, byte[] payload, boolean retained) {
                inputs.add(new Delivery(topic, payload, retained));
            }

            @Override
            public void connectionLost(Throwable cause) {
                inputs.add(new ConnectionLost(cause));
            }

            @Override
            public void reconnectFailed(Throwable cause, long nextAttemptMillis) {
                inputs.add(new ReconnectFailed(cause, nextAttemptMillis));
            }

            @Override
            public void reconnected() {
                inputs.add(new Reconnected());
            }

            @Override
            public void publicationDropped(String topic, TransportListener.DropReason reason) {
                inputs.add(new PublicationDropped(topic, reason));
            }
        };
    }

    public Miner miner() {
        return miner;
    }

    /** Asks the loop to stop after the input it is handling; safe from any thread. */
    public void requestStop() {
        inputs.add(new StopRequested());
    }


    /**
     * Starts the node and runs the loop until the node finishes its rounds or a stop is
     * requested. The transport must be connected and subscribed before this is called.
     *
     * Before it returns, the node publishes its leave message, except when it aborted.
     */
    public Outcome run() throws InterruptedException {
        try {
            execute(node.start(monotonicMillis.getAsLong()));
            long nextTickAt = monotonicMillis.getAsLong() + TICK_MILLIS;
            while (outcome == null) {
                Input input = inputs.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (input instanceof StopRequested) {
                    outcome = Outcome.STOPPED;
                    break;
                }
                if (input != null) {
                    handle(input);
                }
                long now = monotonicMillis.getAsLong();
                if (now >= nextTickAt) {
                    progress.update(miner.hashesTotal() - hashesAtJobStart, now);
                    execute(node.onTick(now));
                    nextTickAt = now + TICK_MILLIS;
                }
            }
            if (outcome != Outcome.ABORTED) {
                execute(node.leave());
            }
            return outcome;
        } finally {
            miner.cancel();
            progress.stopped();
            printSummary();
        }
    }

    private void printSummary() {
        long now = monotonicMillis.getAsLong();
        stats.miningStopped(now);
        presenter.summary(stats, miner.hashesTotal(), stats.miningMillis(now));
    }

    private void solutionFound(MiningJob job, String solution, long hashes, long elapsedNanos) {
        inputs.add(new SolutionFound(job, solution, hashes, elapsedNanos));
    }

    private void handle(Input input) {
        long now = monotonicMillis.getAsLong();
        if (input instanceof Delivery delivery) {
            handleDelivery(delivery, now);
        } else if (input instanceof SolutionFound found) {
            stats.miningStopped(now);
            progress.stopped();
            execute(node.onSolutionFound(found.job().transactionId(), found.solution(), found.hashes(),
                    found.elapsedNanos()));
        } else if (input instanceof ConnectionLost lost) {
            presenter.warn("transport.connectionLost", String.valueOf(lost.cause()));
            execute(node.onConnectionLost(now));
        } else if (input instanceof ReconnectFailed failed) {
            presenter.reconnectFailed(String.valueOf(failed.cause()), failed.nextAttemptMillis(), now);
        } else if (input instanceof Reconnected) {
            presenter.info("transport.reconnected");
            execute(node.onReconnected(now));
        } else if (input instanceof PublicationDropped dropped) {
            presenter.publicationDropped(dropped.topic(), dropped.reason(), now);
        }
    }

    private void handleDelivery(Delivery delivery, long now) {
        Optional<Topic> topic = Topic.parse(topicPrefix, delivery.topic());
        if (topic.isEmpty()) {
            presenter.unknownTopic(delivery.topic(), now);
            return;
        }
        Message message;
        try {
            message = codec.decode(topic.get(), delivery.payload());
        } catch (InvalidMessageException e) {
            presenter.invalidPayload(topic.get(), e, now);
            return;
        }
        LOG.debug("received {}{}", message, delivery.retained() ? " (retained)" : "");
        try {
            execute(node.onMessage(message, delivery.retained(), now));
        } catch (RuntimeException e) {
            // A bug must not stop a node in front of a class: log it with the message and go on.
            LOG.error("{} failed to handle {} on {}", node.clientId(), message, delivery.topic(), e);
        }
    }

    private void execute(List<Action> actions) {
        for (Action action : actions) {
            if (action instanceof Action.Publish publish) {
                Message message = publish.message();
                LOG.debug("publishing {}", message);
                publisher.publish(message.topic().under(topicPrefix), codec.encode(message));
            } else if (action instanceof Action.StartMining start) {
                long now = monotonicMillis.getAsLong();
                stats.miningStarted(now);
                hashesAtJobStart = miner.hashesTotal();
                progress.started(start.transactionId(), start.challenge(), difficulty.expectedHashes(start.challenge()),
                        now);
                miner.start(new MiningJob(start.transactionId(), start.challenge(), difficulty, start.prefix(),
                        start.firstCounter()));
            } else if (action instanceof Action.StopMining) {
                stats.miningStopped(monotonicMillis.getAsLong());
                progress.stopped();
                miner.cancel();
            } else if (action instanceof Action.Report report) {
                record(report.event());
            } else if (action instanceof Action.Finish) {
                outcome = Outcome.FINISHED;
            } else if (action instanceof Action.Abort) {
                outcome = Outcome.ABORTED;
            }
        }
    }

    private void record(NodeEvent event) {
        long now = monotonicMillis.getAsLong();
        stats.record(event, now);
        presenter.report(event, now);
        if (event instanceof NodeEvent.TableSnapshot) {
            presenter.scoreboard(stats);
        }
        if (events == null) {
            return;
        }
        try {
            events.write(event, wallClock.instant());
        } catch (IOException e) {
            presenter.warn("events.writeFailed", e.getMessage());
        }
    }
}
