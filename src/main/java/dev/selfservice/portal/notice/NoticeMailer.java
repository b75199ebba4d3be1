package dev.selfservice.portal.notice;

import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The mailer, with every send started from one Vert.x event-loop context, and what follows a send handed back to a
 * worker thread.
 * <p>
 * Why one context: the mail client of Vert.x 4.5 (vertx-mail-client's {@code SMTPConnectionPool}) asks its pool's
 * endpoint for a connection and ignores the answer that the endpoint has just been disposed, which it is when its last
 * connection closes. With a connection per notice ({@code keep-alive=false}) that happens after every send, so a send
 * started on another thread at that moment was dropped: it never connected and never failed, and waited for the try's
 * time limit (30 s, then a retry). Started from one context, a send and the closing of a connection (on the
 * connection's event loop, which is that context's) run on one thread, one after the other, and the race is gone.
 * The mail itself is still sent asynchronously: the context only starts sends, it never waits for one.
 */
@ApplicationScoped
class NoticeMailer {

    private final ReactiveMailer mailer;
    private final Executor lane;

    NoticeMailer(ReactiveMailer mailer, Vertx vertx) {
        this.mailer = mailer;
        // asked from a thread of its own, so that it is a new event-loop context whichever thread makes this bean
        // (on a Vert.x thread it would be that thread's, possibly a request's), kept for every send
        Context context = java.util.concurrent.CompletableFuture.supplyAsync(vertx::getOrCreateContext,
                task -> new Thread(task, "notice-mailer-context").start()).join();
        this.lane = task -> context.runOnContext(ignored -> task.run());
    }

    /** Sends one mail; subscribed again, it sends again (a retry). */
    Uni<Void> send(Mail mail) {
        return Uni.createFrom().deferred(() -> mailer.send(mail))
                .runSubscriptionOn(lane)
                // the audit trail and the logs after a send are written off the event loop
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }
}
