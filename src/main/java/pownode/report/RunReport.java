package pownode.report;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import pownode.i18n.Messages;
import pownode.protocol.Difficulty;

/** Turns the events files of one run, one per node, into the HTML report page. */
public final class RunReport {
    private final Messages messages;
    private final Difficulty unit;
    private List<InvalidEventsException> warnings = List.of();

    /**
     * Creates a report in the language of {@code messages}. A null {@code unit} is inferred
     * from the solutions in the files.
     */
    public RunReport(Messages messages, Difficulty unit) {
        this.messages = messages;
        this.unit = unit;
    }

    /**
     * Reads {@code files} and returns the page. Throws {@link InvalidEventsException} naming
     * the file and line of invalid input, and {@link FileSystemException} naming an unreadable file.
     */
    public String render(List<Path> files) throws IOException, InvalidEventsException {
        // Charts are drawn off-screen, also on machines without a display.
        System.setProperty("java.awt.headless", "true");
        EventsReader reader = new EventsReader();
        List<NodeLog> logs = new ArrayList<>();
        for (Path file : files) {
            logs.add(read(reader, file));
        }
        RunAssembler assembler = new RunAssembler();
        Run run = assembler.assemble(logs);
        warnings = assembler.warnings();
        Difficulty shownUnit = unit != null ? unit : UnitInference.infer(run);

        ReportCharts charts = new ReportCharts(messages);
        ReportPage.Charts images = new ReportPage.Charts(png(charts.timeline(run)),
                png(charts.timeToSolve(run, shownUnit)), png(charts.wins(run)));
        return new ReportPage(messages).render(run, shownUnit, unit == null, files, images);
    }

    /** Returns the records of the last {@link #render} that a later election superseded. */
    public List<InvalidEventsException> warnings() {
        return warnings;
    }

    /** Reads {@code file}, turning any I/O error into a {@link FileSystemException} that names it. */
    private static NodeLog read(EventsReader reader, Path file) throws IOException, InvalidEventsException {
        try {
            return reader.read(file);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            FileSystemException named = new FileSystemException(file.toString(), null, e.getMessage());
            named.initCause(e);
            throw named;
        }
    }

    private static byte[] png(Chart<?, ?> chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    }
}
