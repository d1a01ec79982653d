package io.leadflow.messaging.scheduling;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs reactive work on a fresh duplicated Vert.x context marked safe: what Hibernate Reactive needs, since it keeps one
 * session per context. Background work (a timer's run, jobs handled side by side) must not share one.
 */
public final class FreshContext {

    private FreshContext() {
    }

    /** Subscribes to {@code work} on a new duplicated context; completes with its item or failure. */
    public static <T> Uni<T> run(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
