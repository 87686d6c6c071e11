package io.strongroom.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.gateway.support.TestGateway;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A body far beyond the limit (more than {@link BodyReader#DISCARD_FACTOR} times it) is not read to
 * its end: the client gets its 413 at once and the connection is closed after the answer.
 */
class OversizedBodyTest {

    @Test
    void aHugeBodyIsAnsweredWith413AndThenTheConnectionCloses() throws Exception {
        try (TestGateway gateway = TestGateway.start(b -> b.maxRequestBytes(1024));
                Socket socket = new Socket("127.0.0.1", gateway.server.actualPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: secretsmanager.ListSecrets\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024 * BodyReader.DISCARD_FACTOR + 4096]);
            out.flush();

            String answer = readToEnd(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("x-amzn-ErrorType: RequestEntityTooLargeException")
                    .contains("\"__type\":\"RequestEntityTooLargeException\"");
        }
    }

    private static String readToEnd(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) > 0; ) {
            bytes.write(buffer, 0, n);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
