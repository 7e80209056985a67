package dev.switchboard.wamp.client;

import dev.switchboard.wamp.Match;
import dev.switchboard.wamp.message.CallOptions;
import dev.switchboard.wamp.message.InvocationPolicy;
import dev.switchboard.wamp.message.PublishOptions;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.SubscribeOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builders for the protocol library's options records, which the client takes as they are:
 * {@code WampOptions.publish().acknowledge().excludeMe(false).build()}. Every option the router acts on has a
 * method; {@code other(name, value)} adds any further one to the wire dict.
 */
public final class WampOptions {

    private WampOptions() {
    }

    public static CallBuilder call() {
        return new CallBuilder();
    }

    public static RegisterBuilder register() {
        return new RegisterBuilder();
    }

    public static SubscribeBuilder subscribe() {
        return new SubscribeBuilder();
    }

    public static PublishBuilder publish() {
        return new PublishBuilder();
    }

    /**
     * {@code CALL.Options}. {@code receive_progress} is set by giving the call a {@link ProgressListener};
     * {@code progress} by making a {@link ProgressiveCall}.
     */
    public static final class CallBuilder {
        private @Nullable Long timeout;
        private boolean discloseMe;
        private final Map<String, Object> other = new LinkedHashMap<>();

        private CallBuilder() {
        }

        /** {@code timeout}: the dealer fails the call with {@code wamp.error.timeout} after this long. */
        public CallBuilder timeout(Duration timeout) {
            this.timeout = timeout.toMillis();
            return this;
        }

        /** {@code disclose_me}: the callee learns the caller's session id, authid and authrole. */
        public CallBuilder discloseMe() {
            this.discloseMe = true;
            return this;
        }

        public CallBuilder other(String name, Object value) {
            other.put(name, value);
            return this;
        }

        public CallOptions build() {
            return new CallOptions(timeout, false, false, discloseMe, other);
        }
    }

    /** {@code REGISTER.Options}. */
    public static final class RegisterBuilder {
        private Match match = Match.EXACT;
        private InvocationPolicy invoke = InvocationPolicy.SINGLE;
        private @Nullable Integer concurrency;
        private boolean forceReregister;
        private boolean discloseCaller;
        private final Map<String, Object> other = new LinkedHashMap<>();

        private RegisterBuilder() {
        }

        /** {@code match}: the procedure is a prefix or wildcard pattern. */
        public RegisterBuilder match(Match match) {
            this.match = match;
            return this;
        }

        /** {@code invoke}: a shared registration, and how the dealer picks among its callees. */
        public RegisterBuilder invoke(InvocationPolicy invoke) {
            this.invoke = invoke;
            return this;
        }

        /**
         * {@code concurrency}: the most invocations this callee runs at once. The dealer sends no more (Crossbar.io
         * extension), and the client refuses any beyond it with {@code crossbar.error.max_concurrency_reached}.
         */
        public RegisterBuilder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
            this.concurrency = concurrency;
            return this;
        }

        /** {@code force_reregister}: take the registration over from the callees that hold it. */
        public RegisterBuilder forceReregister() {
            this.forceReregister = true;
            return this;
        }

        /** {@code disclose_caller}: every invocation names its caller. */
        public RegisterBuilder discloseCaller() {
            this.discloseCaller = true;
            return this;
        }

        public RegisterBuilder other(String name, Object value) {
            other.put(name, value);
            return this;
        }

        public RegisterOptions build() {
            return new RegisterOptions(match, invoke, concurrency, forceReregister, discloseCaller, other);
        }
    }

    /** {@code SUBSCRIBE.Options}. */
    public static final class SubscribeBuilder {
        private Match match = Match.EXACT;
        private boolean getRetained;
        private final Map<String, Object> other = new LinkedHashMap<>();

        private SubscribeBuilder() {
        }

        /** {@code match}: the topic is a prefix or wildcard pattern. */
        public SubscribeBuilder match(Match match) {
            this.match = match;
            return this;
        }

        /** {@code get_retained}: receive the topic's retained event, if any, at once. */
        public SubscribeBuilder getRetained() {
            this.getRetained = true;
            return this;
        }

        public SubscribeBuilder other(String name, Object value) {
            other.put(name, value);
            return this;
        }

        public SubscribeOptions build() {
            return new SubscribeOptions(match, getRetained, other);
        }
    }

    /** {@code PUBLISH.Options}. */
    public static final class PublishBuilder {
        private boolean acknowledge;
        private boolean excludeMe = true;
        private List<Long> exclude = List.of();
        private List<String> excludeAuthid = List.of();
        private List<String> excludeAuthrole = List.of();
        private @Nullable List<Long> eligible;
        private @Nullable List<String> eligibleAuthid;
        private @Nullable List<String> eligibleAuthrole;
        private boolean discloseMe;
        private boolean retain;
        private final Map<String, Object> other = new LinkedHashMap<>();

        private PublishBuilder() {
        }

        /** {@code acknowledge}: the broker answers with PUBLISHED (or ERROR), and the future carries its id. */
        public PublishBuilder acknowledge() {
            this.acknowledge = true;
            return this;
        }

        /** {@code exclude_me}: whether the publisher, if subscribed, is left out (the default). */
        public PublishBuilder excludeMe(boolean excludeMe) {
            this.excludeMe = excludeMe;
            return this;
        }

        /** {@code exclude}: sessions that must not receive the event. */
        public PublishBuilder exclude(List<Long> sessionIds) {
            this.exclude = List.copyOf(sessionIds);
            return this;
        }

        public PublishBuilder excludeAuthid(List<String> authids) {
            this.excludeAuthid = List.copyOf(authids);
            return this;
        }

        public PublishBuilder excludeAuthrole(List<String> authroles) {
            this.excludeAuthrole = List.copyOf(authroles);
            return this;
        }

        /** {@code eligible}: only these sessions may receive the event. */
        public PublishBuilder eligible(List<Long> sessionIds) {
            this.eligible = List.copyOf(sessionIds);
            return this;
        }

        public PublishBuilder eligibleAuthid(List<String> authids) {
            this.eligibleAuthid = List.copyOf(authids);
            return this;
        }

        public PublishBuilder eligibleAuthrole(List<String> authroles) {
            this.eligibleAuthrole = List.copyOf(authroles);
            return this;
        }

        /** {@code disclose_me}: subscribers learn the publisher's session id, authid and authrole. */
        public PublishBuilder discloseMe() {
            this.discloseMe = true;
            return this;
        }

        /** {@code retain}: the broker keeps this event for subscribers that ask for it later. */
        public PublishBuilder retain() {
            this.retain = true;
            return this;
        }

        public PublishBuilder other(String name, Object value) {
            other.put(name, value);
            return this;
        }

        public PublishOptions build() {
            return new PublishOptions(acknowledge, excludeMe, exclude, excludeAuthid, excludeAuthrole, eligible,
                    eligibleAuthid, eligibleAuthrole, discloseMe, retain, other);
        }
    }
}
