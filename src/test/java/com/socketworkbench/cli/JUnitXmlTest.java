package com.socketworkbench.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report stays well-formed XML whatever the peer sent: markup, control bytes, line breaks, lone surrogates. */
class JUnitXmlTest {

    @Test
    void controlBytesAndMarkupInAFailureAreWrittenSoTheXmlStillParses() throws Exception {
        String hostile = "got \0\u0007<b>&\"quoted\"</b>\r\nnext \ud800 end";
        SuiteReport suite = new SuiteReport("a <suite> & \u0001", "dir/a.yaml", Instant.parse("2026-01-02T03:04:05Z"),
                Duration.ofMillis(1234), List.of(
                new StepReport("step 1 send", StepReport.Status.PASSED, Duration.ofMillis(12), null, null),
                new StepReport("step 2 expect", StepReport.Status.FAILED, Duration.ofMillis(300), hostile, hostile),
                new StepReport("step 3 close", StepReport.Status.SKIPPED, Duration.ZERO, null, null)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JUnitXml.write(List.of(suite), bytes);

        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(bytes.toByteArray())).getDocumentElement();
        Element testsuite = (Element) root.getElementsByTagName("testsuite").item(0);
        assertEquals("a <suite> & \\x01", testsuite.getAttribute("name"));
        assertEquals("1.234", testsuite.getAttribute("time"));
        assertEquals("2026-01-02T03:04:05", testsuite.getAttribute("timestamp"));
        assertEquals("3", testsuite.getAttribute("tests"));
        assertEquals("1", testsuite.getAttribute("failures"));
        assertEquals("1", testsuite.getAttribute("skipped"));
        Element testcase = (Element) testsuite.getElementsByTagName("testcase").item(1);
        assertEquals("0.300", testcase.getAttribute("time"));
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertEquals("got \\x00\\x07<b>&\"quoted\"</b>\\r\\nnext \\ud800 end", failure.getAttribute("message"));
        assertEquals("got \\x00\\x07<b>&\"quoted\"</b>\\r\nnext \\ud800 end", failure.getTextContent());
    }
}
