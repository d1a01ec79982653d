package io.leadflow.capture.imports;

import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Public routes keep their 64 KB limit although the server accepts 100 MB for CSV imports. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class BodyLimitsTest {

    @TestHTTPResource("/")
    URL base;

    /** A valid lead of exactly this many bytes (padded with JSON white space). */
    private static String lead(int size) {
        String json = "{\"email\":\"ada@acme.com\",\"message\":\"hello\"";
        return json + " ".repeat(size - json.length() - 1) + "}";
    }

    @Test
    void a65KBodyOnThePublicApiIs413WithOrWithoutContentLength() throws IOException {
        given().contentType("application/json").body(lead(65 * 1024)).when().post("/api/v1/leads").then().statusCode(413);
        given().contentType("application/x-www-form-urlencoded").body("email=ada%40acme.com&message=" + "x".repeat(65 * 1024))
                .when().post("/api/v1/forms/demo/submissions").then().statusCode(413);

        // Chunked (no Content-Length): the limit is enforced while the body is read. Written whole before the answer
        // is read, so the server has read it all when it answers and closes.
        byte[] body = lead(65 * 1024).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < body.length; offset += 8192) {
                int length = Math.min(8192, body.length - offset);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, offset, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void anImportDeclaringMoreThanItsLimitIsRefusedBeforeItsBodyIsSent() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: " + (200L * 1024 * 1024) + "\r\n\r\nemail\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void aBodyUnderTheLimitStillPasses() {
        given().contentType("application/json").body(lead(60 * 1024)).when().post("/api/v1/leads").then().log().ifValidationFails().statusCode(202);
    }
}
