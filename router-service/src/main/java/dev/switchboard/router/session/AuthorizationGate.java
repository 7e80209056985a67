package dev.switchboard.router.session;

import dev.switchboard.router.auth.Action;
import dev.switchboard.router.auth.Authorizer;
import dev.switchboard.router.auth.DynamicAuthorizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The requests of one session whose role a dynamic authorizer decides for. While an answer is awaited the session's
 * later requests wait behind it, authorized or not, so that the realm sees them in the order the client sent them;
 * the answer (which completes on a routing loop) lets them go on, in order, and nothing ever blocks. Decisions the
 * authorizer allowed to cache are reused for the session's life. Used from the session's transport thread and from
 * routing loops, hence the lock; every step it runs only queues work on a loop or a connection.
 */
final class AuthorizationGate {

    /** A step waiting behind an answer: a request to route as it is, or one that needs a decision first. */
    private sealed interface Held {
    }

    private record Step(Runnable run) implements Held {
    }

    private record Question(String key, Action action, String uri, Map<String, Object> options,
                            Consumer<Authorizer.Decision> then) implements Held {
    }

    private final DynamicAuthorizer authorizer;
    private final Map<String, Object> session;
    private final Deque<Held> held = new ArrayDeque<>();
    private final Map<String, Authorizer.Decision> cached = new HashMap<>();
    private boolean waiting;

    /** @param session the session's details, as the authorizer gets them */
    AuthorizationGate(DynamicAuthorizer authorizer, Map<String, Object> session) {
        this.authorizer = authorizer;
        this.session = Map.copyOf(session);
    }

    /** Runs {@code step} (a request that needs no decision) now, or after the requests waiting. */
    synchronized void then(Runnable step) {
        if (waiting) {
            held.add(new Step(step));
        } else {
            step.run();
        }
    }

    /**
     * Gets the decision for {@code action} on {@code uri} and hands it to {@code then}, after the requests waiting.
     *
     * @param options {@code {match}} for patterns, as the authorizer gets them
     */
    synchronized void authorize(Action action, String uri, Map<String, Object> options,
                                Consumer<Authorizer.Decision> then) {
        Question question = new Question(action + " " + options.getOrDefault("match", "exact") + " " + uri, action,
                uri, options, then);
        if (waiting) {
            held.add(question);
        } else {
            ask(question);
        }
    }

    /** Answers from the cache, or asks the authorizer and waits. */
    private void ask(Question question) {
        Authorizer.Decision known = cached.get(question.key());
        if (known != null) {
            question.then().accept(known);
            return;
        }
        waiting = true;
        authorizer.authorize(session, question.uri(), question.action(), question.options())
                .thenAccept(answer -> answered(question, answer));
    }

    private synchronized void answered(Question question, DynamicAuthorizer.Answer answer) {
        if (answer.cache()) {
            cached.put(question.key(), answer.decision());
        }
        waiting = false;
        question.then().accept(answer.decision());
        while (!waiting && !held.isEmpty()) {
            switch (held.poll()) {
                case Step step -> step.run().run();
                case Question next -> ask(next);
            }
        }
    }
}
