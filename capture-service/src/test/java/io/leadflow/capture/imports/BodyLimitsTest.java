package io.leadflow.capture.imports;

import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void a65KBodyOnThePublicApiIs413WithOrWithoutContentLength() throws Exception {
        given().contentType("application/json").body(lead(65 * 1024)).when().post("/api/v1/leads").then().statusCode(413);
        given().contentType("application/x-www-form-urlencoded").body("email=ada%40acme.com&message=" + "x".repeat(65 * 1024))
                .when().post("/api/v1/forms/demo/submissions").then().statusCode(413);

        // Chunked (no Content-Length): the limit is enforced while the body is read.
        InputStream body = new ByteArrayInputStream(lead(65 * 1024).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/leads"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
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
