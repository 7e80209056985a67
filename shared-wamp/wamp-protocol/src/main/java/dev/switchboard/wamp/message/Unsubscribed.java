package dev.switchboard.wamp.message;

import java.util.Map;

/**
 * The broker's acknowledgement of an UNSUBSCRIBE or, with request id 0 and Details {subscription, reason}, its revocation of a subscription (advanced profile).
 *
 * <pre>{@code [UNSUBSCRIBED, UNSUBSCRIBE.Request|id]}</pre>
 * <pre>{@code [UNSUBSCRIBED, 0, Details|dict]}</pre>
 */
public record Unsubscribed(long requestId, Map<String, Object> details) implements WampMessage {

    public static final int TYPE = 35;

    public Unsubscribed {
        Check.idOrZero(requestId, "UNSUBSCRIBED.Request");
        details = Values.map(details);
    }

    @Override
    public int type() {
        return TYPE;
    }
}
