package pownode.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import pownode.i18n.Messages;

/**
 * Appends the timeline of a run as an HTML table in time order: discovery, departures,
 * the start and result of each election, late joiners and each round with its winner. Rows
 * carry {@code data-event}: {@code elected} and {@code electionStarted} rows add
 * {@code data-election} and, for {@code elected}, {@code data-leader}; {@code left} rows add
 * {@code data-participant}, {@code joined} rows {@code data-client-id}, and round rows
 * {@code data-transaction-id}, {@code data-winner} (-1 for no accepted solution) and
 * {@code data-election}.
 */
final class TimelineTable {
    private TimelineTable() {
    }

    private record Row(Instant time, String attributes, String text) {
    }

    static void append(StringBuilder html, Run run, Messages messages) {
        Locale locale = messages.language().locale();
        html.append("<table class=\"timeline\">\n<tr><th>").append(ReportPage.escape(messages.get("table.time")))
                .append("</th><th>").append(ReportPage.escape(messages.get("table.event"))).append("</th></tr>\n");
        for (Row row : rows(run, messages, locale)) {
            html.append("<tr ").append(row.attributes()).append("><td class=\"number\">")
                    .append(ReportFormat.secondsSince(run.start(), row.time(), locale)).append("</td><td>")
                    .append(ReportPage.escape(row.text())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** Returns the rows sorted by time; rows with equal times keep the order they are added in. */
    private static List<Row> rows(Run run, Messages messages, Locale locale) {
        List<Row> rows = new ArrayList<>();
        if (run.discoveredAt() != null) {
            String participants = run.participants().stream().map(String::valueOf).collect(Collectors.joining(", "));
            rows.add(new Row(run.discoveredAt(), "data-event=\"discovered\"",
                    messages.get("table.discovered", run.participants().size(), participants)));
        }
        for (Departure departure : run.departures()) {
            rows.add(new Row(departure.leftAt(), "data-event=\"left\" data-participant=\"" + departure.participant()
                    + "\"", messages.get("table.left", departure.participant())));
        }
        for (Election election : run.elections()) {
            addElection(rows, election, messages);
        }
        for (LateJoiner joiner : run.lateJoiners()) {
            String text = joiner.leader() < 0
                    ? messages.get("table.joinedNoElection", joiner.clientId())
                    : messages.get("table.joined", joiner.clientId(), joiner.leader(), joiner.election());
            rows.add(new Row(joiner.joinedAt(), "data-event=\"joined\" data-client-id=\"" + joiner.clientId() + "\"",
                    text));
        }
        for (Round round : run.rounds()) {
            String attributes = "data-event=\"round\" data-transaction-id=\"" + round.transactionId()
                    + "\" data-winner=\"" + round.winner() + "\" data-election=\"" + round.election() + "\"";
            rows.add(new Row(round.issuedAt(), attributes, describe(round, messages, locale)));
        }
        rows.sort(Comparator.comparing(Row::time));
        return rows;
    }

    private static void addElection(List<Row> rows, Election election, Messages messages) {
        if (election.startedAt() != null) {
            rows.add(new Row(election.startedAt(), "data-event=\"electionStarted\" data-election=\""
                    + election.number() + "\"",
                    messages.get("table.electionStarted", election.number(), reason(election.reason(), messages))));
        }
        if (election.decided()) {
            String text = election.leaderVoteId() < 0
                    ? messages.get("table.electedNoVote", election.number(), election.leader())
                    : messages.get("table.elected", election.number(), election.leader(), election.leaderVoteId());
            rows.add(new Row(election.electedAt(), "data-event=\"elected\" data-election=\"" + election.number()
                    + "\" data-leader=\"" + election.leader() + "\"", text));
        }
    }

    /** Returns the localized reason, or the code itself for a reason this version does not know. */
    private static String reason(String code, Messages messages) {
        String key = "reason." + code;
        return messages.bundle().containsKey(key) ? messages.get(key) : code;
    }

    private static String describe(Round round, Messages messages, Locale locale) {
        if (!round.solved()) {
            return messages.get("table.unsolved", round.transactionId(), round.challenge());
        }
        String seconds = ReportFormat.seconds(round.timeToSolve().orElseThrow(), locale);
        return messages.get("table.round", round.transactionId(), round.challenge(), round.winner(), seconds);
    }
}
