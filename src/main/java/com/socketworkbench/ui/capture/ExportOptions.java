package com.socketworkbench.ui.capture;

import com.socketworkbench.engine.capture.CaptureTransport;

import java.nio.charset.Charset;
import java.time.ZoneId;

/**
 * What an export needs beyond its rows: the tab's transport (pcapng), the charset payloads are shown in (transcript
 * and CSV), the zone a transcript's times are written in, and the pcapng section comment naming the tab.
 */
record ExportOptions(CaptureTransport transport, Charset charset, ZoneId zone, String comment) {
}
