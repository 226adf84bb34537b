package com.socketworkbench.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request bodies read while they are sent: the bytes are exactly what encoding or the file gives, never more. */
class RequestBodyTest {

    @TempDir
    Path dir;

    @Test
    void aTextBodyStreamsTheSameBytesAsEncodingItWhole() throws IOException {
        StringBuilder long_ = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            long_.append("zeile ").append(i).append(" äöü € 中文 \uD83D\uDE00\n");
        }
        String lone = "a\uD800b\uDC00c" + "x".repeat(20_000) + "\uD83D";
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII,
                StandardCharsets.UTF_16LE, Charset.forName("GBK"), Charset.forName("windows-1252"))) {
            for (String text : List.of(long_.toString(), lone, "é")) {
                String editor = "HEAD\n\n" + text;
                RequestBody body = RequestBody.ofText(editor, 6, editor.length(), charset);
                byte[] expected = text.getBytes(charset);
                assertEquals(expected.length, body.length(), charset + " length");
                assertArrayEquals(expected, readAll(body), charset + " bytes");
                assertArrayEquals(expected, readByteByByte(body), charset + " single-byte reads");
                assertEquals(0, body.bytesInMemory(), "a view of the editor's text, not a copy");
            }
        }
    }

    @Test
    void anEmptyRangeIsTheEmptyBody() {
        assertSame(RequestBody.EMPTY, RequestBody.ofText("GET\n\n", 5, 5, StandardCharsets.UTF_8));
        assertEquals(0, RequestBody.EMPTY.length());
    }

    @Test
    void aFileBodyIsReadWhenSentAndRefusedWithAReasonWhenItIsNoReadableFile() throws IOException {
        Path file = dir.resolve("body.bin");
        byte[] bytes = new byte[70_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        RequestBody.FileBody body = RequestBody.ofFile(file);
        assertEquals(bytes.length, body.length());
        assertEquals(0, body.bytesInMemory());
        assertArrayEquals(bytes, readAll(body));

        IOException missing = assertThrows(IOException.class, () -> RequestBody.ofFile(dir.resolve("nope.bin")));
        assertEquals("There is no file at " + dir.resolve("nope.bin"), missing.getMessage());
        IOException directory = assertThrows(IOException.class, () -> RequestBody.ofFile(dir));
        assertEquals(dir + " is not a regular file", directory.getMessage());
    }

    @Test
    void aPreparedRequestWithAFileBodyAnnouncesTheFileSizeAndWarnsAboutTypedBodyText() throws IOException {
        Path file = dir.resolve("upload.json");
        Files.writeString(file, "{\"big\":true}");
        PreparedRequest request = RawRequestBuilder.prepare("POST /up HTTP/1.1\nHost: h\n\nignored text",
                StandardCharsets.UTF_8, RequestOptions.DEFAULTS, RequestBody.ofFile(file));
        assertEquals("POST /up HTTP/1.1\r\nHost: h\r\nContent-Length: 12\r\n\r\n{\"big\":true}",
                new String(request.bytes(), StandardCharsets.UTF_8));
        assertEquals(12, request.bodyLength());
        assertTrue(request.warnings().stream().anyMatch(w -> w.equals("The body typed in the editor (12 characters)"
                + " is not sent: the body comes from upload.json")), request.warnings().toString());
        assertEquals(request.headEnd(), request.bytesInMemory(), "only the head is in memory");
    }

    @Test
    void theLeadingEmptyLinesWarningIsKept() {
        PreparedRequest request = RawRequestBuilder.prepare("\n\nGET / HTTP/1.1\nHost: h\n\n",
                StandardCharsets.UTF_8, RequestOptions.DEFAULTS);
        assertEquals(List.of("Removed the empty lines before the request line"), request.warnings());
    }

    private static byte[] readAll(RequestBody body) throws IOException {
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        }
    }

    private static byte[] readByteByByte(RequestBody body) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (InputStream in = body.open()) {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
