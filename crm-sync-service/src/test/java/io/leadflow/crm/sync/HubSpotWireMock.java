package io.leadflow.crm.sync;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * HubSpot's API as a local WireMock server on a free loopback port: the {@code hubspot} connection's base-url points
 * at it, and the test gets the server in its field annotated {@link HubSpot} to stub and verify HubSpot's side.
 * Nothing is stubbed here: each test stubs the requests of its own lead.
 */
public class HubSpotWireMock implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link WireMockServer} field that receives this server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface HubSpot {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("leadflow.crm.connections." + HubSpotProfile.CONNECTION + ".base-url",
                "http://127.0.0.1:" + server.port());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(HubSpot.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
