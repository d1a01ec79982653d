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
 * An external CRM's API (HubSpot, Salesforce) as a local WireMock server on a free loopback port: the connection named
 * by the {@code connection} argument points its base-url at it, and the test gets the server in its field annotated
 * {@link Crm} to stub and verify the CRM's side. Nothing is stubbed here: each test stubs the requests of its own lead.
 */
public class CrmWireMock implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link WireMockServer} field that receives this server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Crm {
    }

    private WireMockServer server;
    private String connection;

    @Override
    public void init(Map<String, String> args) {
        connection = args.get("connection");
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("leadflow.crm.connections." + connection + ".base-url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Crm.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
