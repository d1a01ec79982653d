package io.leadflow.crm.sync;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Executor;

/**
 * The external connectors' HTTP client answers on a thread of its own; what comes after (a Hibernate Reactive
 * transaction) needs the Vert.x context the work started on. {@code uni.emitOn(CallerContext.executor())} hands the
 * answer back to it.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** Runs commands on the calling code's Vert.x context (directly when there is none). */
    public static Executor executor() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }
}
