package pownode.report;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import pownode.i18n.Messages;
import pownode.protocol.Difficulty;

/** Builds the three charts of the run report with XChart; text comes from the report bundle. */
final class ReportCharts {
    static final int WIDTH = 1000;
    static final int HEIGHT = 420;

    /** Times below 1 microsecond are drawn at 1 microsecond, because a log axis cannot show 0. */
    private static final double MIN_PLOTTED_MILLIS = 0.001;

    private final Messages messages;

    ReportCharts(Messages messages) {
        this.messages = messages;
    }

    private static final Color FIRST_ELECTION_COLOR = Color.BLACK;
    /** Elections after a failover get a color of their own, so the legend separates them from election 0. */
    private static final Color LATER_ELECTION_COLOR = new Color(130, 40, 170);
    private static final Color LEFT_COLOR = new Color(200, 30, 30);
    private static final Color JOINED_COLOR = new Color(30, 110, 200);

    /**
     * Draws each round as a bar from its challenge to its accepted result, one color per
     * winner, with dashed lines at discovery, at each election, where a participant left and
     * where a node joined late.
     */
    XYChart timeline(Run run) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(messages.get("chart.timeline.title"))
                .xAxisTitle(messages.get("chart.timeline.x")).yAxisTitle(messages.get("chart.timeline.y")).build();
        style(chart);
        chart.getStyler().setYAxisDecimalPattern("#");
        chart.getStyler().setXAxisDecimalPattern("0.0");
        for (Map.Entry<String, List<Round>> entry : roundsByWinner(run).entrySet()) {
            addRoundBars(chart, run.start(), entry.getKey(), entry.getValue());
        }
        markPhase(chart, run, run.discoveredAt(), messages.get("chart.timeline.discovered"), Color.GRAY);
        for (Departure departure : run.departures()) {
            markPhase(chart, run, departure.leftAt(), messages.get("chart.timeline.left", departure.participant()),
                    LEFT_COLOR);
        }
        for (Election election : run.elections()) {
            if (election.decided()) {
                markPhase(chart, run, election.electedAt(),
                        messages.get("chart.timeline.elected", election.number(), election.leader()),
                        election.number() == 0 ? FIRST_ELECTION_COLOR : LATER_ELECTION_COLOR);
            }
        }
        for (LateJoiner joiner : run.lateJoiners()) {
            markPhase(chart, run, joiner.joinedAt(), messages.get("chart.timeline.joined", joiner.clientId()),
                    JOINED_COLOR);
        }
        return chart;
    }

    private Map<String, List<Round>> roundsByWinner(Run run) {
        Map<String, List<Round>> byWinner = new LinkedHashMap<>();
        for (Round round : run.rounds()) {
            String name = round.solved()
                    ? messages.get("chart.timeline.wonBy", round.winner())
                    : messages.get("chart.timeline.unsolved");
            byWinner.computeIfAbsent(name, key -> new ArrayList<>()).add(round);
        }
        return byWinner;
    }

    /** Adds one series whose segments are the rounds, separated by NaN gaps. */
    private static void addRoundBars(XYChart chart, Instant start, String name, List<Round> rounds) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Round round : rounds) {
            Instant end = round.solved() ? round.solvedAt() : round.issuedAt();
            xs.add(seconds(start, round.issuedAt()));
            xs.add(seconds(start, end));
            xs.add(seconds(start, end));
            ys.add((double) round.transactionId());
            ys.add((double) round.transactionId());
            ys.add(Double.NaN);
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineWidth(6f);
    }

    /** Draws a dashed vertical line at {@code time}, with {@code label} in the legend. */
    private static void markPhase(XYChart chart, Run run, Instant time, String label, Color color) {
        if (time == null) {
            return;
        }
        double x = seconds(run.start(), time);
        double top = run.rounds().isEmpty() ? 0 : run.rounds().get(run.rounds().size() - 1).transactionId();
        XYSeries series = chart.addSeries(label, new double[] {x, x}, new double[] {-0.5, top + 0.5});
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(SeriesLines.DASH_DASH);
        series.setLineColor(color);
    }

    /** Plots the measured time to solve against Challenge on a log axis, with the expected time. */
    XYChart timeToSolve(Run run, Difficulty unit) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(messages.get("chart.solve.title"))
                .xAxisTitle(messages.get("chart.solve.x", unitName(unit)))
                .yAxisTitle(messages.get("chart.solve.y")).build();
        style(chart);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#");
        addMeasured(chart, run);
        addExpected(chart, run, unit);
        return chart;
    }

    private void addMeasured(XYChart chart, Run run) {
        List<Double> challenges = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        for (Round round : run.rounds()) {
            round.timeToSolve().ifPresent(duration -> {
                challenges.add((double) round.challenge());
                millis.add(Math.max(MIN_PLOTTED_MILLIS, duration.toNanos() / 1e6));
            });
        }
        if (challenges.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(messages.get("chart.solve.measured"), challenges, millis);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    private void addExpected(XYChart chart, Run run, Difficulty unit) {
        OptionalDouble rate = HashRate.group(run);
        TreeSet<Integer> challenges = new TreeSet<>();
        run.rounds().forEach(round -> challenges.add(round.challenge()));
        if (rate.isEmpty() || challenges.isEmpty()) {
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        for (int challenge = challenges.first(); challenge <= challenges.last(); challenge++) {
            xs.add((double) challenge);
            double expectedMillis = unit.expectedHashes(challenge) / rate.getAsDouble() * 1000;
            millis.add(Math.max(MIN_PLOTTED_MILLIS, expectedMillis));
        }
        String name = messages.get("chart.solve.expected", ReportFormat.hashRate(rate.getAsDouble(), messages.language().locale()));
        XYSeries series = chart.addSeries(name, xs, millis);
        series.setMarker(SeriesMarkers.NONE);
    }

    /** Counts the accepted solutions of each miner. */
    CategoryChart wins(Run run) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(messages.get("chart.wins.title"))
                .xAxisTitle(messages.get("chart.wins.x")).yAxisTitle(messages.get("chart.wins.y")).build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#");
        chart.getStyler().setYAxisMin(0.0);
        List<String> miners = new ArrayList<>();
        List<Long> wins = new ArrayList<>();
        for (int miner : ReportFormat.miners(run)) {
            miners.add(Integer.toString(miner));
            wins.add(run.winsOf(miner));
        }
        chart.addSeries(messages.get("chart.wins.series"), miners, wins);
        return chart;
    }

    private static void style(Chart<? extends Styler, ?> chart) {
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setAntiAlias(true);
    }

    private String unitName(Difficulty unit) {
        return messages.get("unit." + unit.name().toLowerCase(Locale.ROOT));
    }

    private static double seconds(Instant start, Instant time) {
        return Duration.between(start, time).toNanos() / 1e9;
    }
}
