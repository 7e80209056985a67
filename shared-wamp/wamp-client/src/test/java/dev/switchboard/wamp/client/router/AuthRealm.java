package dev.switchboard.wamp.client.router;

import java.util.List;

/**
 * The router command-line arguments of the realm the authentication tests use (wamp-client's {@code AuthIT} and
 * system-tests' {@code AuthInteropIT}): ticket principals {@code service} and {@code ghost} (a role without rules),
 * WAMP-CRA users {@code alice} (plain) and {@code salty} (salted), cryptosign principal {@code signer}; role
 * {@code service} may do everything under {@code auth.} with publishers disclosed, role {@code dashboard} may call
 * under {@code auth.rpc.} with callers disclosed and subscribe under {@code auth.topic.}.
 */
public final class AuthRealm {

    private AuthRealm() {
    }

    public static List<String> arguments(String name, String ticket, String craSecret, String craSaltedSecret,
                                         String salt, String signerPublicKeyHex) {
        String realm = "--switchboard.router.realms[0].";
        String service = realm + "roles.service.permissions[0].";
        String dashboardRpc = realm + "roles.dashboard.permissions[0].";
        String dashboardTopics = realm + "roles.dashboard.permissions[1].";
        return List.of(
                realm + "name=" + name,
                realm + "auth.ticket.service.role=service",
                realm + "auth.ticket.service.ticket=" + ticket,
                realm + "auth.ticket.ghost.role=ghost",
                realm + "auth.ticket.ghost.ticket=" + ticket,
                realm + "auth.wampcra.alice.role=dashboard",
                realm + "auth.wampcra.alice.secret=" + craSecret,
                realm + "auth.wampcra.salty.role=dashboard",
                realm + "auth.wampcra.salty.secret=" + craSaltedSecret,
                realm + "auth.wampcra.salty.salt=" + salt,
                realm + "auth.wampcra.salty.iterations=100",
                realm + "auth.wampcra.salty.keylen=32",
                realm + "auth.cryptosign.signer.role=service",
                realm + "auth.cryptosign.signer.authorized-keys[0]=" + signerPublicKeyHex,
                service + "uri=auth.",
                service + "match=prefix",
                service + "allow.call=true",
                service + "allow.register=true",
                service + "allow.publish=true",
                service + "allow.subscribe=true",
                service + "disclose.publisher=true",
                dashboardRpc + "uri=auth.rpc.",
                dashboardRpc + "match=prefix",
                dashboardRpc + "allow.call=true",
                dashboardRpc + "disclose.caller=true",
                dashboardTopics + "uri=auth.topic.",
                dashboardTopics + "match=prefix",
                dashboardTopics + "allow.subscribe=true");
    }
}
