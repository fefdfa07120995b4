package org.proposalledger.standalone;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: what a hostile or broken client can send
 * (malformed request lines, bad escapes, oversized headers, wrong framing), which
 * {@code java.net.http} refuses to produce. Reads one response: status, headers, the body by its
 * framing (Content-Length, chunked, or to the end), skipping interim 1xx answers; an event stream
 * is left after its headers.
 */
final class RawHttp {

    /**
     * What came back; {@code status} -1 when the server closed the connection without answering,
     * 0 for an answer without a status line (HTTP/0.9).
     */
    record Answer(int status, Map<String, String> headers, byte[] body, String failure) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final int port;
    private final int timeoutMillis;

    RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    Answer exchange(byte[] request, boolean head) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                // nothing more is coming: a server waiting for a body the request promised sees its end
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // the server may answer and close before reading everything (an oversized request)
            }
            return read(socket.getInputStream(), head);
        } catch (SocketTimeoutException e) {
            return new Answer(-1, Map.of(), new byte[0], "timed out after " + timeoutMillis + " ms");
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], e.toString());
        }
    }

    private static Answer read(InputStream raw, boolean head) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(raw, 5);
        Input in = new Input(peek);
        while (true) {
            byte[] start = peek.readNBytes(5);
            if (start.length == 0) {
                return new Answer(-1, Map.of(), new byte[0], "connection closed without an answer");
            }
            if (!new String(start, StandardCharsets.ISO_8859_1).equals("HTTP/")) {
                // an HTTP/0.9 answer: the body alone, no status line, no headers
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.writeBytes(start);
                all.writeBytes(in.rest());
                return new Answer(0, Map.of(), all.toByteArray(), "no status line (HTTP/0.9)");
            }
            peek.unread(start);
            String statusLine = in.line();
            String[] parts = statusLine == null ? new String[0] : statusLine.split(" ", 3);
            if (parts.length < 2) {
                return new Answer(-1, Map.of(), new byte[0], "not a status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = in.line(); line != null && !line.isEmpty(); line = in.line()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
                }
            }
            if (status / 100 == 1) {
                continue; // 100 Continue before the real answer
            }
            String type = headers.getOrDefault("content-type", "");
            if (head || status == 204 || status == 304 || type.startsWith("text/event-stream")) {
                return new Answer(status, headers, new byte[0], null);
            }
            String encoding = headers.getOrDefault("transfer-encoding", "");
            byte[] body;
            if (encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = in.chunked();
            } else if (headers.containsKey("content-length")) {
                body = in.exactly(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.rest();
            }
            return new Answer(status, headers, body, null);
        }
    }

    private static final class Input {
        private final InputStream in;

        Input(InputStream in) {
            this.in = in;
        }

        /** A CRLF- (or LF-) ended line as ISO-8859-1, or null at the end of the stream. */
        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
                if (line.size() > 64 * 1024) {
                    throw new IOException("header line too long");
                }
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }

        byte[] exactly(int n) throws IOException {
            if (n > MAX_BODY) {
                throw new IOException("body of " + n + " bytes");
            }
            byte[] body = in.readNBytes(n);
            if (body.length < n) {
                throw new EOFException("body ended after " + body.length + " of " + n + " bytes");
            }
            return body;
        }

        byte[] chunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                if (size == null) {
                    throw new EOFException("chunked body ended without its last chunk");
                }
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                        // trailers are not used
                    }
                    return body.toByteArray();
                }
                body.write(exactly(n));
                line();
                if (body.size() > MAX_BODY) {
                    throw new IOException("body over " + MAX_BODY + " bytes");
                }
            }
        }

        byte[] rest() throws IOException {
            return in.readNBytes(MAX_BODY);
        }
    }
}
