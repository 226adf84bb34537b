package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes after a request's head. The request writer reads them front to back as it sends them
 * ({@link #open()}), so a body from a file or from a long text never exists whole as a byte array: only bytes given
 * as bytes are held in memory.
 */
public sealed interface RequestBody permits RequestBody.Bytes, RequestBody.Text, RequestBody.FileBody {

    /** No body. */
    RequestBody EMPTY = new Bytes(new byte[0]);

    /** The exact number of bytes {@link #open()} delivers (Content-Length is taken from it). */
    long length();

    /** The bytes from the first, read as they are sent; the caller closes the stream. */
    InputStream open() throws IOException;

    /** What keeping this body costs the heap, beyond text its creator already holds. */
    long bytesInMemory();

    /** Bytes already in memory; not copied, so the caller must not change them. */
    static RequestBody of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes);
    }

    /**
     * {@code text[start, end)} encoded with {@code charset} while it is sent. Unencodable characters become the
     * charset's replacement bytes, as {@link String#getBytes(Charset)} does; the length is counted once, here.
     */
    static RequestBody ofText(String text, int start, int end, Charset charset) {
        Objects.checkFromToIndex(start, end, text.length());
        if (start == end) {
            return EMPTY;
        }
        if (!charset.canEncode()) {
            return of(text.substring(start, end).getBytes(charset));
        }
        return new Text(text, start, end, charset, Text.count(text, start, end, charset));
    }

    /**
     * The content of {@code file} as it is when sent; its size now is the body's length (a file that then changes
     * size fails the send with a message that says so).
     *
     * @throws IOException with a message in plain words when it is no readable regular file
     */
    static FileBody ofFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new IOException(FileBody.TEXT.get("bodyFile.missing", file));
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(FileBody.TEXT.get("bodyFile.notRegular", file));
        }
        if (!Files.isReadable(file)) {
            throw new IOException(FileBody.TEXT.get("bodyFile.unreadable", file));
        }
        return new FileBody(file, Files.size(file));
    }

    /** A body given as bytes (a replay of captured bytes, a short typed body in tests). */
    record Bytes(byte[] bytes) implements RequestBody {
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        public long bytesInMemory() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Bytes[" + bytes.length + "]";
        }
    }

    /**
     * A range of the editor's text, encoded chunk by chunk while it is sent. It refers to the text rather than
     * copying it, so it costs nothing beyond the text its creator keeps anyway.
     */
    record Text(String text, int start, int end, Charset charset, long length) implements RequestBody {
        private static final int CHUNK = 16 * 1024;

        @Override
        public InputStream open() {
            return new EncodingStream(encoder(charset), CharBuffer.wrap(text, start, end));
        }

        @Override
        public long bytesInMemory() {
            return 0;
        }

        /** The encoded length without keeping the bytes. */
        static long count(String text, int start, int end, Charset charset) {
            CharsetEncoder encoder = encoder(charset);
            CharBuffer in = CharBuffer.wrap(text, start, end);
            ByteBuffer scratch = ByteBuffer.allocate(CHUNK);
            long total = 0;
            boolean done = false;
            while (!done) {
                CoderResult result = in.hasRemaining() ? encoder.encode(in, scratch, true) : CoderResult.UNDERFLOW;
                if (!in.hasRemaining() && result.isUnderflow()) {
                    done = encoder.flush(scratch).isUnderflow();
                }
                total += scratch.position();
                scratch.clear();
            }
            return total;
        }

        private static CharsetEncoder encoder(Charset charset) {
            return charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
        }

        @Override
        public String toString() {
            return "Text[" + (end - start) + " chars, " + length + " bytes " + charset.name() + "]";
        }
    }

    /** A file's bytes, streamed from disk while they are sent. */
    record FileBody(Path file, long length) implements RequestBody {
        /** The body's texts, here rather than in the interface, where a field would be public. */
        private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");
        public FileBody {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public long bytesInMemory() {
            return 0;
        }
    }

    /** Encodes a char range into bytes on demand, a chunk at a time. */
    final class EncodingStream extends InputStream {
        private final CharsetEncoder encoder;
        private final CharBuffer in;
        private final ByteBuffer out = ByteBuffer.allocate(Text.CHUNK);
        private boolean flushed;

        private EncodingStream(CharsetEncoder encoder, CharBuffer in) {
            this.encoder = encoder;
            this.in = in;
            out.flip();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (!out.hasRemaining()) {
                if (flushed) {
                    return -1;
                }
                out.clear();
                CoderResult result = in.hasRemaining() ? encoder.encode(in, out, true) : CoderResult.UNDERFLOW;
                if (!in.hasRemaining() && result.isUnderflow()) {
                    flushed = encoder.flush(out).isUnderflow();
                }
                out.flip();
            }
            int n = Math.min(len, out.remaining());
            out.get(b, off, n);
            return n;
        }
    }
}
