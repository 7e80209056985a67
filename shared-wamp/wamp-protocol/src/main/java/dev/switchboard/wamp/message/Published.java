package dev.switchboard.wamp.message;

/**
 * The broker's acknowledgement of a PUBLISH that asked for one.
 *
 * <pre>{@code [PUBLISHED, PUBLISH.Request|id, Publication|id]}</pre>
 */
public record Published(long requestId, long publicationId) implements WampMessage {

    public static final int TYPE = 17;

    public Published {
        Check.id(requestId, "PUBLISHED.Request");
        Check.id(publicationId, "PUBLISHED.Publication");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
