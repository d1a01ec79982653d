package io.leadflow.system.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * An SDR's live inbox stream (server-sent events), read as an SDR's browser would: each card the SDR holds now
 * (events {@code assignment}, {@code resubmission}, {@code do-not-contact}) is handed to the listener with the
 * nanoTime at which it arrived. A lead that {@code moved} away and an {@code at-risk} warning are not.
 */
public final class SdrStream implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The notices whose data is the SDR's current card of the lead. */
    private static final java.util.Set<String> CARDS = java.util.Set.of("assignment", "resubmission", "do-not-contact");

    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private SdrStream(CompletableFuture<HttpResponse<Stream<String>>> response) {
        this.response = response;
    }

    /** Opens the stream and waits until the server has answered 200 (the subscription is live). */
    public static SdrStream open(HttpClient client, URI url, String token, BiConsumer<JsonNode, Long> listener) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        try {
            HttpResponse<Stream<String>> answered = response.get(30, TimeUnit.SECONDS);
            if (answered.statusCode() != 200) {
                throw new IllegalStateException("SDR stream " + url + " answered " + answered.statusCode());
            }
            Thread reader = new Thread(() -> read(answered.body(), listener), "sdr-stream-" + url.getPort());
            reader.setDaemon(true);
            reader.start();
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not open SDR stream " + url, e);
        }
        return new SdrStream(response);
    }

    private static void read(Stream<String> lines, BiConsumer<JsonNode, Long> listener) {
        StringBuilder data = new StringBuilder();
        StringBuilder name = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    name.setLength(0);
                    name.append(line.substring(6).strip());
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    long arrived = System.nanoTime();
                    String json = data.toString();
                    boolean assignment = name.isEmpty() || CARDS.contains(name.toString());
                    data.setLength(0);
                    name.setLength(0);
                    if (!assignment) {
                        return;
                    }
                    try {
                        JsonNode event = MAPPER.readTree(json);
                        if (event != null && event.isObject()) {
                            listener.accept(event, arrived);
                        }
                    } catch (IOException notJson) {
                        // heartbeats and comments carry no lead
                    }
                }
            });
        } catch (RuntimeException closed) {
            // the stream was closed by close() or by the server
        }
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }

    /** A client suitable for long-lived streams and many small requests. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }
}
