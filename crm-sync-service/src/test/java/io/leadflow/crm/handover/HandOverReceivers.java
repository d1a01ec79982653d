package io.leadflow.crm.handover;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Where AE hand-overs go in the tests: a real SMTP server (GreenMail) and a real HTTP server (WireMock) for the
 * hand-over webhook. For every crm-sync test, so that all of them share one application.
 */
public class HandOverReceivers implements QuarkusTestResourceLifecycleManager {

    static volatile GreenMail smtp;
    static volatile WireMockServer webhook;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        webhook = new WireMockServer(options().dynamicPort());
        webhook.start();
        webhook.stubFor(post(urlEqualTo("/handovers")).willReturn(aResponse().withStatus(204)));
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "leadflow.crm.ae.webhook-url", "http://localhost:" + webhook.port() + "/handovers");
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (webhook != null) {
            webhook.stop();
        }
    }
}
