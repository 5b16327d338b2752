package pownode.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import javax.net.SocketFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pownode.i18n.Messages;
import pownode.node.NodeConfig;
import pownode.protocol.Difficulty;
import pownode.protocol.Ranges;
import pownode.runtime.EventsFile;
import pownode.runtime.NodeSession;
import pownode.runtime.NodeSettings;
import pownode.transport.BrokerSettings;
import pownode.transport.TrustedCertificates;

/** The peer: {@code java -jar node.jar --nodes N [options]}. */
@Command(name = "node.jar", mixinStandardHelpOptions = true, version = "pow-node 0.1.0",
        resourceBundle = "i18n.messages", sortOptions = false, usageHelpAutoWidth = true)
final class NodeCommand implements Callable<Integer> {
    static final String DEFAULT_BROKER = "tcp://broker.emqx.io:1883";
    static final int MAX_PARTICIPANTS = 10_000;
    static final String PASSWORD_VARIABLE = "POWNODE_PASSWORD";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-n", "--nodes"}, paramLabel = "N", descriptionKey = "option.nodes")
    private Integer nodes;

    @Option(names = {"-b", "--broker"}, paramLabel = "URI", defaultValue = DEFAULT_BROKER,
            descriptionKey = "option.broker")
    private String broker;

    @Option(names = "--topic-prefix", paramLabel = "P", defaultValue = "sd", descriptionKey = "option.topicPrefix")
    private String topicPrefix;

    @Option(names = "--client-id", paramLabel = "ID", descriptionKey = "option.clientId")
    private Integer clientId;

    @Option(names = "--threads", paramLabel = "T", descriptionKey = "option.threads")
    private Integer threads;

    @Option(names = "--difficulty-unit", paramLabel = "hex|bits", defaultValue = "hex",
            descriptionKey = "option.difficultyUnit", completionCandidates = DifficultyUnits.class)
    private Difficulty difficulty;

    @Option(names = "--min-challenge", paramLabel = "C", descriptionKey = "option.minChallenge")
    private Integer minChallenge;

    @Option(names = "--max-challenge", paramLabel = "C", descriptionKey = "option.maxChallenge")
    private Integer maxChallenge;

    @Option(names = "--next-challenge-delay", paramLabel = "${bundle:label.seconds:-SECONDS}", defaultValue = "5",
            descriptionKey = "option.nextChallengeDelay")
    private String nextChallengeDelay;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "0", descriptionKey = "option.rounds")
    private int rounds;

    @Option(names = "--events", paramLabel = "${bundle:label.file:-FILE}", descriptionKey = "option.events")
    private Path events;

    @Option(names = "--seed", paramLabel = "S", descriptionKey = "option.seed")
    private Long seed;

    @Option(names = "--keep-alive", paramLabel = "${bundle:label.seconds:-SECONDS}", defaultValue = "5", descriptionKey = "option.keepAlive")
    private int keepAlive;

    @Mixin
    private LanguageOption language;

    @Option(names = "--username", paramLabel = "${bundle:label.user:-USER}", descriptionKey = "option.username")
    private String username;

    @Option(names = "--password", paramLabel = "${bundle:label.password:-PASSWORD}", descriptionKey = "option.password",
            defaultValue = "${env:" + PASSWORD_VARIABLE + "}")
    private char[] password;

    @Option(names = "--ca-file", paramLabel = "PEM", descriptionKey = "option.caFile")
    private Path caFile;

    private final Messages messages;

    /** The values of {@code --difficulty-unit} offered by shell completion, as users type them. */
    static final class DifficultyUnits extends java.util.ArrayList<String> {
        DifficultyUnits() {
            super(java.util.List.of("hex", "bits"));
        }
    }

    NodeCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() throws Exception {
        NodeSettings settings = settings();
        NodeSession session = new NodeSession(settings);
        StopSignals.install(session::requestStop);
        return session.run();
    }

    private NodeSettings settings() {
        language.validate(spec.commandLine(), messages);
        int participants = requireNodes();
        requireBetween("--threads", threads, 1, 4096);
        requireBetween("--client-id", clientId, 0, Ranges.MAX_CLIENT_ID);
        requireBetween("--rounds", rounds, 0, Integer.MAX_VALUE);
        requireBetween("--keep-alive", keepAlive, 1, 3600);
        int min = minChallenge == null ? difficulty.defaultMinChallenge() : minChallenge;
        int max = maxChallenge == null ? Math.max(min, difficulty.defaultMaxChallenge()) : maxChallenge;
        requireChallengeRange(min, max);
        long delayMillis = requireDelayMillis();
        String brokerUri = validateBroker();
        validateTopicPrefix();
        validateEventsFile();

        RandomGenerator random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        // The ClientID is drawn before anything else exists and never changes afterwards.
        int id = clientId != null ? clientId : random.nextInt(Ranges.MAX_CLIENT_ID + 1);
        NodeConfig config = new NodeConfig(id, participants, difficulty, min, max, delayMillis, rounds,
                NodeConfig.DEFAULT_REPUBLISH_INTERVAL_MILLIS);
        BrokerSettings brokerSettings = new BrokerSettings(brokerUri, username, password, keepAlive,
                BrokerSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS, trustedSockets());
        int minerThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new NodeSettings(config, brokerSettings, topicPrefix, minerThreads, random, events, messages,
                clientId == null);
    }

    /** Loads {@code --ca-file}, or returns null to use the JVM's trust store. */
    private SocketFactory trustedSockets() {
        if (caFile == null) {
            return null;
        }
        try {
            return TrustedCertificates.socketFactory(caFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidOptionException(spec.commandLine(),
                    messages.get("cli.error.caFile", caFile, describeIoProblem(e)));
        }
    }

    private int requireNodes() {
        if (nodes == null) {
            throw new InvalidOptionException(spec.commandLine(), messages.get("cli.error.missingNodes"));
        }
        requireBetween("--nodes", nodes, 2, MAX_PARTICIPANTS);
        return nodes;
    }

    private void requireChallengeRange(int min, int max) {
        int limit = difficulty.maxChallenge();
        if (min < 1 || min > limit) {
            throw invalidChallenge("--min-challenge", min, limit);
        }
        if (max < 1 || max > limit) {
            throw invalidChallenge("--max-challenge", max, limit);
        }
        if (min > max) {
            throw new InvalidOptionException(spec.commandLine(),
                    messages.get("cli.error.challengeOrder", min, max));
        }
    }

    private InvalidOptionException invalidChallenge(String option, int value, int limit) {
        String unit = difficulty.name().toLowerCase(java.util.Locale.ROOT);
        return new InvalidOptionException(spec.commandLine(),
                messages.get("cli.error.challengeRange", option, value, unit, limit));
    }

    /** Reads {@code --next-challenge-delay} in seconds; a decimal comma, as Brazilians write it, works too. */
    private long requireDelayMillis() {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(nextChallengeDelay.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw invalid("--next-challenge-delay", nextChallengeDelay);
        }
        BigDecimal millis = seconds.movePointRight(3);
        if (seconds.signum() < 0 || millis.compareTo(BigDecimal.valueOf(86_400_000L)) > 0) {
            throw invalid("--next-challenge-delay", nextChallengeDelay);
        }
        return millis.longValue();
    }

    /** Opens {@code --events} for appending once, so that an unwritable path fails before connecting. */
    private void validateEventsFile() {
        if (events == null) {
            return;
        }
        try {
            EventsFile.open(events, 0).close();
        } catch (IOException | RuntimeException e) {
            throw new InvalidOptionException(spec.commandLine(),
                    messages.get("cli.error.eventsFile", events, describeIoProblem(e)));
        }
    }

    private static String describeIoProblem(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    /** Returns the --broker value with an explicit port, so that logs and errors show the port tried. */
    private String validateBroker() {
        return BrokerUri.normalize(broker).orElseThrow(() -> invalid("--broker", broker));
    }

    private void validateTopicPrefix() {
        boolean valid = !topicPrefix.isEmpty()
                && !topicPrefix.endsWith("/")
                && !topicPrefix.contains("+")
                && !topicPrefix.contains("#")
                && topicPrefix.indexOf('\0') < 0;
        if (!valid) {
            throw invalid("--topic-prefix", topicPrefix);
        }
    }

    private void requireBetween(String option, Integer value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            throw invalid(option, value.toString());
        }
    }

    private InvalidOptionException invalid(String option, String value) {
        return new InvalidOptionException(spec.commandLine(), InvalidOptionException.describe(messages, option, value));
    }
}
