package pownode.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import pownode.i18n.Messages;
import pownode.protocol.Difficulty;

/**
 * Writes the report as one HTML page with the charts embedded as base64 PNG, so the page
 * needs no network and no other file. A short script sets {@code data-charts-decoded}
 * ("decoded/total") and {@code data-load-errors} on the body after the load event, for
 * browser tests.
 */
final class ReportPage {
    private final Messages messages;
    private final Locale locale;
    private final StringBuilder html = new StringBuilder();

    ReportPage(Messages messages) {
        this.messages = messages;
        this.locale = messages.language().locale();
    }

    /** Charts as PNG bytes, in page order: timeline, time to solve, wins. */
    record Charts(byte[] timeline, byte[] timeToSolve, byte[] wins) {
    }

    String render(Run run, Difficulty unit, boolean unitInferred, List<Path> files, Charts charts) {
        head();
        html.append("<body>\n<h1>").append(text("page.title")).append("</h1>\n");
        summary(run, unit, unitInferred);
        html.append("<h2>").append(text("page.timeline")).append("</h2>\n");
        image(charts.timeline(), "chart.timeline.title");
        TimelineTable.append(html, run, messages);
        html.append("<h2>").append(text("page.solve")).append("</h2>\n");
        image(charts.timeToSolve(), "chart.solve.title");
        paragraph(messages.get("page.solve.explained", messages.get("page.solve.expectedHashes." + key(unit))));
        html.append("<h2>").append(text("page.wins")).append("</h2>\n");
        image(charts.wins(), "chart.wins.title");
        sources(files);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private void head() {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(locale.toLanguageTag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<title>").append(text("page.title")).append("</title>\n")
                .append("<style>\n")
                .append("body { font-family: sans-serif; max-width: 1040px; margin: 1em auto; padding: 0 1em; }\n")
                .append("img.chart { display: block; max-width: 100%; height: auto; margin: 1em 0; }\n")
                .append("table { border-collapse: collapse; }\n")
                .append("td, th { border-bottom: 1px solid #ddd; padding: 0.2em 0.8em; text-align: left; }\n")
                .append("td.number { text-align: right; font-variant-numeric: tabular-nums; }\n")
                .append("</style>\n");
        script();
        html.append("</head>\n");
    }

    private void summary(Run run, Difficulty unit, boolean unitInferred) {
        long solved = run.rounds().stream().filter(Round::solved).count();
        html.append("<p>").append(escape(messages.get("page.summary.group", run.participants().size(),
                run.nodes().size(), run.rounds().size(), solved))).append(' ').append(leaders(run)).append("</p>\n");
        if (!run.lateJoiners().isEmpty()) {
            String joiners = run.lateJoiners().stream().map(joiner -> String.valueOf(joiner.clientId()))
                    .collect(Collectors.joining(", "));
            paragraph(messages.get("page.summary.lateJoiners", joiners));
        }
        String unitSource = unitInferred ? "page.summary.unitInferred" : "page.summary.unitOption";
        OptionalDouble rate = HashRate.group(run);
        String rateText = rate.isPresent()
                ? messages.get("page.summary.rate", ReportFormat.hashRate(rate.getAsDouble(), locale))
                : messages.get("page.summary.noRate");
        paragraph(messages.get(unitSource, key(unit)) + " " + rateText);
    }

    /** Returns one escaped sentence per decided election, or the notice that no file has one. */
    private String leaders(Run run) {
        List<String> sentences = new ArrayList<>();
        for (Election election : run.elections()) {
            if (!election.decided()) {
                continue;
            }
            sentences.add(election.leaderVoteId() < 0
                    ? messages.get("page.summary.leaderNoVote", election.number(), election.leader())
                    : messages.get("page.summary.leader", election.number(), election.leader(),
                            election.leaderVoteId()));
        }
        return sentences.isEmpty() ? text("page.unknown") : escape(String.join(" ", sentences));
    }

    private void image(byte[] png, String altKey) {
        html.append("<img class=\"chart\" alt=\"").append(text(altKey)).append("\" width=\"")
                .append(ReportCharts.WIDTH).append("\" height=\"").append(ReportCharts.HEIGHT)
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    private void sources(List<Path> files) {
        String names = files.stream().map(path -> path.getFileName().toString()).collect(Collectors.joining(", "));
        html.append("<p><small>").append(escape(messages.get("page.sources", names))).append("</small></p>\n");
    }

    /** Counts load errors of any resource and, on load, the chart images that decoded. */
    private void script() {
        html.append("<script>\n")
                .append("var loadErrors = 0;\n")
                .append("window.addEventListener('error', function () { loadErrors++; }, true);\n")
                .append("window.addEventListener('load', function () {\n")
                .append("  var images = Array.from(document.querySelectorAll('img.chart'));\n")
                .append("  var decoded = images.filter(function (image) {\n")
                .append("    return image.complete && image.naturalWidth > 0;\n")
                .append("  });\n")
                .append("  document.body.setAttribute('data-charts-decoded', decoded.length + '/' + images.length);\n")
                .append("  document.body.setAttribute('data-load-errors', String(loadErrors));\n")
                .append("});\n")
                .append("</script>\n");
    }

    private void paragraph(String plain) {
        html.append("<p>").append(escape(plain)).append("</p>\n");
    }

    private String text(String key) {
        return escape(messages.get(key));
    }

    private static String key(Difficulty unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }

    /** Escapes the five characters that are special in HTML text and attribute values. */
    static String escape(String plain) {
        StringBuilder escaped = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
