package pownode.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import pownode.i18n.Language;
import pownode.i18n.Messages;
import pownode.mining.Kernels;
import pownode.mining.MiningJob;
import pownode.mining.ParallelMiner;
import pownode.mining.SearchKernel;
import pownode.protocol.Difficulty;

/**
 * {@code java -jar node.jar bench}: measures the candidates per second of a search kernel on
 * 1 and on T threads, through the same {@link ParallelMiner} the node mines with. The
 * challenge is the maximum of the unit (160 zero bits), so no search ends early.
 *
 * <p>The last line of the output is machine-readable and not translated:
 * {@code hashes_per_second=<integer> threads=<T> kernel=<name>}, for T threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "pow-node 0.1.0",
        resourceBundle = "i18n.bench", sortOptions = false, usageHelpAutoWidth = true)
public final class BenchCommand implements Callable<Integer> {
    static final String BUNDLE = "i18n/bench";
    /** A prefix shaped like the ClientID:TransactionID: of real solutions. */
    static final String PREFIX = "4711:1:";
    static final int MAX_THREADS = 4096;
    static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(3600);
    /** Maximum warm-up before the second and later rows, because the JIT has compiled the kernel by then. */
    private static final double LATER_WARMUP_SECONDS = 0.5;

    @Spec
    private CommandSpec spec;

    @Option(names = "--threads", paramLabel = "T", descriptionKey = "option.threads")
    private String threads;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", descriptionKey = "option.seconds")
    private String seconds;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "2", descriptionKey = "option.warmupSeconds")
    private String warmupSeconds;

    @Option(names = "--difficulty-unit", paramLabel = "hex|bits", defaultValue = "hex",
            descriptionKey = "option.difficultyUnit")
    private String difficultyUnit;

    @Option(names = "--kernel", paramLabel = "${bundle:label.name:-NAME}", descriptionKey = "option.kernel")
    private String kernel;

    @Mixin
    private LanguageOption language;

    /** Creates the command. picocli sets the options from the command line. */
    public BenchCommand() {
    }

    @Override
    public Integer call() throws InterruptedException {
        Messages messages = Messages.of(BUNDLE, Language.fromLocale(Locale.getDefault()));
        Settings settings = parseSettings(messages);
        PrintWriter out = spec.commandLine().getOut();
        NumberFormat integers = NumberFormat.getIntegerInstance(messages.language().locale());

        int challenge = settings.unit().maxChallenge();
        out.println(messages.get("bench.start", settings.kernel().name(),
                settings.unit().name().toLowerCase(Locale.ROOT), challenge,
                settings.unit().requiredZeroBits(challenge), plain(settings.seconds()),
                plain(settings.warmupSeconds())));
        out.println(messages.get("bench.prefix", PREFIX));
        out.println();
        String rowFormat = "%-14s %8s %16s %16s%n";
        out.printf(rowFormat, messages.get("bench.column.kernel"), messages.get("bench.column.threads"),
                messages.get("bench.column.rate"), messages.get("bench.column.perThread"));
        out.flush();

        double singleRate = 0;
        double lastRate = 0;
        List<Integer> rows = settings.threads() == 1 ? List.of(1) : List.of(1, settings.threads());
        for (int i = 0; i < rows.size(); i++) {
            int threadCount = rows.get(i);
            double warmup = i == 0 ? settings.warmupSeconds() : Math.min(settings.warmupSeconds(), LATER_WARMUP_SECONDS);
            lastRate = measure(settings.kernel(), threadCount, settings.unit(), warmup, settings.seconds());
            if (threadCount == 1) {
                singleRate = lastRate;
            }
            out.printf(rowFormat, settings.kernel().name(), threadCount,
                    integers.format(Math.round(lastRate)), integers.format(Math.round(lastRate / threadCount)));
            out.flush();
        }

        out.println();
        if (settings.threads() > 1 && singleRate > 0) {
            String speedup = String.format(messages.language().locale(), "%.2f", lastRate / singleRate);
            out.println(messages.get("bench.speedup", settings.threads(), speedup));
        }
        out.println("hashes_per_second=" + Math.round(lastRate) + " threads=" + settings.threads()
                + " kernel=" + settings.kernel().name());
        out.flush();
        return 0;
    }

    /** Validated option values. */
    private record Settings(SearchKernel kernel, int threads, double seconds, double warmupSeconds, Difficulty unit) {
    }

    private Settings parseSettings(Messages messages) {
        language.validate(spec.commandLine(), messages);
        int threadCount = Runtime.getRuntime().availableProcessors();
        if (threads != null) {
            threadCount = parseThreads(messages, threads);
        }
        double measureSeconds = parseSeconds(messages, "--seconds", seconds, false);
        double warmup = parseSeconds(messages, "--warmup-seconds", warmupSeconds, true);
        Difficulty unit;
        try {
            unit = Difficulty.parse(difficultyUnit);
        } catch (IllegalArgumentException e) {
            throw invalid(messages, "--difficulty-unit", difficultyUnit);
        }
        return new Settings(chooseKernel(messages), threadCount, measureSeconds, warmup, unit);
    }

    private int parseThreads(Messages messages, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= MAX_THREADS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        throw invalid(messages, "--threads", text);
    }

    /** Parses a decimal number of seconds, above 0 (or 0 itself when {@code zeroAllowed}) and at most one hour. */
    private double parseSeconds(Messages messages, String option, String text, boolean zeroAllowed) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            boolean aboveMinimum = zeroAllowed ? value.signum() >= 0 : value.signum() > 0;
            if (aboveMinimum && value.compareTo(MAX_SECONDS) <= 0) {
                return value.doubleValue();
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range number
        }
        throw invalid(messages, option, text);
    }

    private SearchKernel chooseKernel(Messages messages) {
        if (kernel == null) {
            return Kernels.fastest();
        }
        String name = kernel.trim().toLowerCase(Locale.ROOT);
        if (!Kernels.NAMES.contains(name)) {
            throw invalid(messages, "--kernel", kernel);
        }
        String reason = Kernels.unavailableReason(name);
        if (reason != null) {
            throw new InvalidOptionException(spec.commandLine(), messages.get("error.kernelUnavailable",
                    name, reason, messages.get("hint." + name), String.join(", ", Kernels.availableNames())));
        }
        return Kernels.create(name).orElseThrow();
    }

    private ParameterException invalid(Messages messages, String option, String value) {
        String accepted = messages.get("accepted." + option.substring(2));
        if (option.equals("--kernel")) {
            accepted = messages.get("accepted.kernel", String.join(", ", Kernels.NAMES));
        }
        return new InvalidOptionException(spec.commandLine(),
                messages.get("error.invalidValue", option, value, accepted));
    }

    /**
     * Runs the kernel on {@code threads} threads for {@code warmup} seconds unmeasured, then
     * returns the candidates per second over the next {@code seconds}.
     */
    static double measure(SearchKernel kernel, int threads, Difficulty unit, double warmup, double seconds)
            throws InterruptedException {
        ParallelMiner.SolutionListener noSolutionExpected = (job, solution, hashes, elapsedNanos) -> {
        };
        try (ParallelMiner miner = new ParallelMiner(kernel, threads, noSolutionExpected)) {
            miner.start(new MiningJob(0, unit.maxChallenge(), unit, PREFIX, 0));
            sleepSeconds(warmup);
            // A new job makes the threads enter the kernel again, as every round of the node
            // does, so they run the code that the JIT compiled during the warm-up instead of
            // an on-stack-replacement compilation of the first call.
            miner.start(new MiningJob(1, unit.maxChallenge(), unit, PREFIX, 0));
            long startHashes = miner.hashesTotal();
            long startNanos = System.nanoTime();
            sleepSeconds(seconds);
            long hashes = miner.hashesTotal() - startHashes;
            long elapsedNanos = System.nanoTime() - startNanos;
            miner.cancel();
            return hashes * 1e9 / elapsedNanos;
        }
    }

    private static void sleepSeconds(double seconds) throws InterruptedException {
        long millis = Math.round(seconds * 1000);
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** Formats seconds without a trailing .0, as the user typed them: 5, 0.5. */
    private static String plain(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }
}
