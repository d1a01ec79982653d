package io.leadflow.routing.rules;

/**
 * Where a rule sends a lead: a pool (round robin among its members), a named SDR, or the owner of the lead's
 * account with a fallback.
 */
public sealed interface Route {

    /** How dry-runs and logs name the route: {@code pool:x}, {@code sdr:y}, {@code accountOwner:z else owner-pool}. */
    String label();

    /** {@code {"pool": "enterprise-na"}}: the pool's round robin decides who. */
    record Pool(String pool) implements Route {
        @Override
        public String label() {
            return "pool:" + pool;
        }
    }

    /** {@code {"sdr": "sdr-7"}}: this SDR. */
    record Sdr(String sdr) implements Route {
        @Override
        public String label() {
            return "sdr:" + sdr;
        }
    }

    /**
     * {@code {"accountOwner": {"else": "owner-pool" | {"pool": "x"}}}}: the owner of the lead's account when
     * available, else the fallback.
     *
     * @param accountId the lead's account ({@code enrichment.account.accountId}), {@code null} when the event has none
     * @param ownerId   the account's owner ({@code enrichment.account.ownerId}); {@code null} when the event does not
     *                  say: the caller resolves it from the account
     * @param elsePool  the pool to use when the owner is not available; {@code null}: the owner's own pool
     */
    record AccountOwner(String accountId, String ownerId, String elsePool) implements Route {

        /** The fallback is the pool the owner belongs to. */
        public boolean elseOwnersPool() {
            return elsePool == null;
        }

        AccountOwner of(String account, String owner) {
            return new AccountOwner(account, owner, elsePool);
        }

        @Override
        public String label() {
            return "accountOwner" + (ownerId == null ? "" : ":" + ownerId) + " else "
                    + (elsePool == null ? RoutingRules.OWNER_POOL : "pool:" + elsePool);
        }
    }
}
