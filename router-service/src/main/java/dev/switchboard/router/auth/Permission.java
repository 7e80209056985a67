package dev.switchboard.router.auth;

import dev.switchboard.wamp.matching.UriPattern;
import java.util.Set;

/**
 * One rule of a role: for URIs matching {@code pattern}, the actions allowed and whether callers and publishers are
 * disclosed to callees and subscribers whether they ask for it or not.
 */
public record Permission(UriPattern pattern, Set<Action> allow, boolean discloseCaller, boolean disclosePublisher) {

    public Permission {
        allow = Set.copyOf(allow);
    }
}
