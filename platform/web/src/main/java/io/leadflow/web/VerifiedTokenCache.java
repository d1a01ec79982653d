package io.leadflow.web;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JWT parser every secured request goes through, remembering the tokens it verified. An integration or an SDR's
 * browser sends the same bearer token with every request, and checking its RS256 signature and parsing its claims
 * again each time was, measured under load on the capture endpoint, the largest single cost of a request after the
 * HTTP stack (18% of capture's CPU). A token verified once is answered from memory until the earlier of its expiry
 * and {@code leadflow.security.verified-token-ttl} (default 5 minutes) after it was verified, so a token stops working
 * no later than it would have, and a key rotation takes effect within that time. Only successful verifications are
 * remembered, keyed by the whole token (a token that differs in any byte is verified afresh); at most
 * {@code leadflow.security.verified-token-cache-size} tokens are kept (default 10,000), and the expired ones are
 * dropped when it is full.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private record Verified(JsonWebToken token, long validUntilMillis) {
    }

    private final JWTParser verifier;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final long ttlMillis;
    private final int maxSize;
    private final Clock clock;

    @Inject
    public VerifiedTokenCache(JWTAuthContextInfo authContext,
                              @ConfigProperty(name = "leadflow.security.verified-token-ttl", defaultValue = "PT5M") Duration ttl,
                              @ConfigProperty(name = "leadflow.security.verified-token-cache-size", defaultValue = "10000") int maxSize) {
        this(new DefaultJWTParser(authContext), ttl, maxSize, Clock.systemUTC());
    }

    VerifiedTokenCache(JWTParser verifier, Duration ttl, int maxSize, Clock clock) {
        this.verifier = verifier;
        this.ttlMillis = ttl.toMillis();
        this.maxSize = maxSize;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        long now = clock.millis();
        Verified known = verified.get(bearerToken);
        if (known != null && now < known.validUntilMillis()) {
            return known.token();
        }
        JsonWebToken token = verifier.parse(bearerToken); // throws for a bad signature, an expired token, a wrong issuer
        long expiresMillis = token.getExpirationTime() > 0 ? token.getExpirationTime() * 1000 : Long.MAX_VALUE;
        if (verified.size() >= maxSize) {
            verified.values().removeIf(v -> now >= v.validUntilMillis());
        }
        if (verified.size() < maxSize) {
            verified.put(bearerToken, new Verified(token, Math.min(expiresMillis, now + ttlMillis)));
        }
        return token;
    }

    /** How many verified tokens are remembered (for tests). */
    int size() {
        return verified.size();
    }

    // Everything else is the plain parser's: other keys or contexts are not what requests carry.

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey publicKey) throws ParseException {
        return verifier.verify(bearerToken, publicKey);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey secretKey) throws ParseException {
        return verifier.verify(bearerToken, secretKey);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return verifier.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey privateKey) throws ParseException {
        return verifier.decrypt(bearerToken, privateKey);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey secretKey) throws ParseException {
        return verifier.decrypt(bearerToken, secretKey);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return verifier.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return verifier.parseOnly(bearerToken);
    }
}
