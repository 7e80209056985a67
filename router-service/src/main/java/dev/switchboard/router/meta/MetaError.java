package dev.switchboard.router.meta;

/** A meta procedure refuses a call: the caller gets ERROR with {@link #uri()} and the message as its argument. */
final class MetaError extends RuntimeException {

    private final String uri;

    MetaError(String uri, String message) {
        super(message, null, false, false);
        this.uri = uri;
    }

    String uri() {
        return uri;
    }
}
