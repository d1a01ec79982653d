package io.leadflow.routing.rules;

import io.leadflow.rules.Condition;

/** One rule of a routing rule set: when its condition holds (and no rule before it held), the lead takes its route. */
public final class RoutingRule {

    private final String id;
    private final String description;
    final Condition<RoutingContext> when;
    private final Route route;

    RoutingRule(String id, String description, Condition<RoutingContext> when, Route route) {
        this.id = id;
        this.description = description;
        this.when = when;
        this.route = route;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The route as written (an account-owner route without account or owner: those come from each lead). */
    public Route route() {
        return route;
    }

    @Override
    public String toString() {
        return id + " -> " + route.label();
    }
}
