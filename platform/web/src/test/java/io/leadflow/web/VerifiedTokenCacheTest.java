package io.leadflow.web;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    /** A verifier that accepts tokens named "ok-<exp epoch seconds>" and counts its verifications. */
    private static final class CountingVerifier implements JWTParser {
        final List<String> verified = new ArrayList<>();
        Clock clock;

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (!token.startsWith("ok-")) {
                throw new ParseException("bad signature");
            }
            long exp = Long.parseLong(token.substring(3));
            if (clock.millis() >= exp * 1000) {
                throw new ParseException("expired");
            }
            return new Token(exp);
        }

        @Override public JsonWebToken parse(String t, JWTAuthContextInfo c) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken verify(String t, PublicKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken verify(String t, SecretKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken verify(String t, String s) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken decrypt(String t, PrivateKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken decrypt(String t, SecretKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken decrypt(String t, String s) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken parseOnly(String t) { throw new UnsupportedOperationException(); }
    }

    private record Token(long exp) implements JsonWebToken {
        @Override public String getName() { return "sdr-1"; }
        @Override public Set<String> getClaimNames() { return Set.of("exp"); }
        @SuppressWarnings("unchecked")
        @Override public <T> T getClaim(String name) { return "exp".equals(name) ? (T) Long.valueOf(exp) : null; }
    }

    private static final class MovableClock extends Clock {
        Instant now = START;
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final MovableClock clock = new MovableClock();
    private final CountingVerifier verifier = new CountingVerifier();

    private VerifiedTokenCache cache(Duration ttl, int maxSize) {
        verifier.clock = clock;
        return new VerifiedTokenCache(verifier, ttl, maxSize, clock);
    }

    private static String tokenExpiringAt(Instant at) {
        return "ok-" + at.getEpochSecond();
    }

    @Test
    void aTokenIsVerifiedOnceThenAnsweredFromMemory() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5), 100);
        String token = tokenExpiringAt(START.plusSeconds(3600));

        JsonWebToken first = cache.parse(token);
        JsonWebToken second = cache.parse(token);

        assertSame(first, second);
        assertEquals(List.of(token), verifier.verified);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheTtlAndStopsAtItsExpiry() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5), 100);
        String token = tokenExpiringAt(START.plusSeconds(420)); // expires 7 minutes from now

        cache.parse(token);
        clock.now = START.plusSeconds(301); // past the 5-minute TTL: verified again
        cache.parse(token);
        assertEquals(2, verifier.verified.size());

        clock.now = START.plusSeconds(420); // its own expiry comes before the next TTL: refused, as without the cache
        assertThrows(ParseException.class, () -> cache.parse(token));
        assertEquals(3, verifier.verified.size());
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5), 100);

        assertThrows(ParseException.class, () -> cache.parse("forged"));
        assertThrows(ParseException.class, () -> cache.parse("forged"));

        assertEquals(List.of("forged", "forged"), verifier.verified);
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheKeepsAtMostItsSizeAndDropsExpiredEntriesWhenFull() throws Exception {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5), 2);
        cache.parse(tokenExpiringAt(START.plusSeconds(60)));
        cache.parse(tokenExpiringAt(START.plusSeconds(61)));
        String third = tokenExpiringAt(START.plusSeconds(3600));

        cache.parse(third); // full of live tokens: verified, not remembered
        cache.parse(third);
        assertEquals(2, cache.size());
        assertEquals(4, verifier.verified.size());

        clock.now = START.plusSeconds(62); // both remembered tokens have expired: room is made
        cache.parse(third);
        cache.parse(third);
        assertEquals(1, cache.size());
        assertEquals(5, verifier.verified.size());
    }
}
