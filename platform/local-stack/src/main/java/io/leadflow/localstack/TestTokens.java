package io.leadflow.localstack;

/**
 * Tokens for a service's {@code @QuarkusTest}, signed with the key pair of this JVM's {@link LocalStackTestResource}
 * stack (the one its {@code mp.jwt.verify.publickey.location} points at).
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** An SDR's token: subject {@code sdrId}, groups ["sdr"]. */
    public static String sdr(String sdrId) {
        return tokens().forSdr(sdrId);
    }

    public static String revops() {
        return tokens().forRole("revops");
    }

    /** A server-to-server integration's token (capture's higher limits). */
    public static String integration() {
        return tokens().forRole("integration");
    }

    public static String admin() {
        return tokens().forRole("admin");
    }

    /** Any subject with any role. */
    public static String of(String subject, String role) {
        return tokens().sign(subject, role);
    }

    private static Tokens tokens() {
        return Tokens.forKeyDir(LocalStackTestResource.endpoints().keyDir());
    }
}
