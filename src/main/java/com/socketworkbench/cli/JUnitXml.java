package com.socketworkbench.cli;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The JUnit XML report CI servers read (the Ant/Surefire format): one {@code <testsuite>} per scenario file, one
 * {@code <testcase>} per step, {@code <failure message="...">} with expected vs received, times in seconds.
 *
 * <p>Written with the JDK's StAX writer, which escapes markup; received bytes can hold characters XML 1.0 cannot carry
 * even escaped (NUL and other control characters), so those are written as {@code \xNN} first. The file is written
 * beside its target and moved into place, so a reader never sees half a report.
 */
final class JUnitXml {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

    private JUnitXml() {
    }

    static void write(List<SuiteReport> suites, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path partial = Files.createTempFile(parent, absolute.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                write(suites, out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    static void write(List<SuiteReport> suites, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", Cli.NAME);
            xml.writeAttribute("tests", Long.toString(suites.stream().mapToLong(s -> s.steps().size()).sum()));
            xml.writeAttribute("failures", Long.toString(total(suites, StepReport.Status.FAILED)));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(total(suites, StepReport.Status.SKIPPED)));
            xml.writeAttribute("time", seconds(suites.stream().map(SuiteReport::time)
                    .reduce(Duration.ZERO, Duration::plus)));
            for (SuiteReport suite : suites) {
                writeSuite(xml, suite);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException broken) {
            throw new IOException(broken.getMessage(), broken);
        }
        out.flush();
    }

    private static void writeSuite(XMLStreamWriter xml, SuiteReport suite) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", attribute(suite.name()));
        xml.writeAttribute("tests", Integer.toString(suite.steps().size()));
        xml.writeAttribute("failures", Long.toString(suite.count(StepReport.Status.FAILED)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(suite.count(StepReport.Status.SKIPPED)));
        xml.writeAttribute("time", seconds(suite.time()));
        xml.writeAttribute("timestamp", TIMESTAMP.format(suite.started().truncatedTo(ChronoUnit.SECONDS)));
        xml.writeAttribute("file", attribute(suite.file()));
        for (StepReport step : suite.steps()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", attribute(step.name()));
            xml.writeAttribute("classname", attribute(suite.name()));
            xml.writeAttribute("time", seconds(step.time()));
            switch (step.status()) {
                case FAILED -> {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", attribute(step.message()));
                    xml.writeCharacters(text(step.detail().isEmpty() ? step.message() : step.detail()));
                    xml.writeEndElement();
                }
                case SKIPPED -> {
                    xml.writeEmptyElement("skipped");
                    if (!step.message().isEmpty()) {
                        xml.writeAttribute("message", attribute(step.message()));
                    }
                }
                case PASSED -> {
                }
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static long total(List<SuiteReport> suites, StepReport.Status status) {
        return suites.stream().mapToLong(suite -> suite.count(status)).sum();
    }

    /** Seconds with millisecond precision, as JUnit reports write them: {@code 0.012}. */
    static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, time.toNanos()) / 1e9);
    }

    /**
     * An attribute value on one line: a parser turns a raw line break in an attribute into a space, so LF and TAB are
     * written as their escapes, like CR and the other control characters.
     */
    static String attribute(String value) {
        return clean(value, true);
    }

    /** Element text: line feeds and tabs stay, CR and the characters XML cannot hold become escapes. */
    static String text(String value) {
        return clean(value, false);
    }

    private static String clean(String value, boolean oneLine) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (c == '\n' || c == '\t') {
                out.append(!oneLine ? String.valueOf(c) : c == '\n' ? "\\n" : "\\t");
            } else if (c == '\r') {
                // A parser turns CR LF into LF even in element text: written as an escape, it stays visible.
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else if (Character.isSurrogate(c) || c == 0xfffe || c == 0xffff) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
