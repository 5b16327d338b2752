package pownode.report;

import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import pownode.i18n.Messages;

/**
 * Appends the timeline of a run as an HTML table: discovery, election and each round with
 * its winner. Rows carry {@code data-event} and, for rounds, {@code data-transaction-id}
 * and {@code data-winner} (-1 for no accepted solution).
 */
final class TimelineTable {
    private TimelineTable() {
    }

    static void append(StringBuilder html, Run run, Messages messages) {
        Locale locale = messages.language().locale();
        html.append("<table class=\"timeline\">\n<tr><th>").append(ReportPage.escape(messages.get("table.time")))
                .append("</th><th>").append(ReportPage.escape(messages.get("table.event"))).append("</th></tr>\n");
        if (run.discoveredAt() != null) {
            String participants = run.participants().stream().map(String::valueOf).collect(Collectors.joining(", "));
            row(html, run, run.discoveredAt(), "data-event=\"discovered\"",
                    messages.get("table.discovered", run.participants().size(), participants), locale);
        }
        if (run.electedAt() != null) {
            row(html, run, run.electedAt(), "data-event=\"elected\" data-leader=\"" + run.leader() + "\"",
                    messages.get("table.elected", run.leader(), run.leaderVoteId()), locale);
        }
        for (Round round : run.rounds()) {
            String attributes = "data-event=\"round\" data-transaction-id=\"" + round.transactionId()
                    + "\" data-winner=\"" + round.winner() + "\"";
            row(html, run, round.issuedAt(), attributes, describe(round, messages, locale), locale);
        }
        html.append("</table>\n");
    }

    private static String describe(Round round, Messages messages, Locale locale) {
        if (!round.solved()) {
            return messages.get("table.unsolved", round.transactionId(), round.challenge());
        }
        String seconds = ReportFormat.seconds(round.timeToSolve().orElseThrow(), locale);
        return messages.get("table.round", round.transactionId(), round.challenge(), round.winner(), seconds);
    }

    private static void row(StringBuilder html, Run run, Instant time, String attributes, String text,
            Locale locale) {
        html.append("<tr ").append(attributes).append("><td class=\"number\">")
                .append(ReportFormat.secondsSince(run.start(), time, locale)).append("</td><td>")
                .append(ReportPage.escape(text)).append("</td></tr>\n");
    }
}
