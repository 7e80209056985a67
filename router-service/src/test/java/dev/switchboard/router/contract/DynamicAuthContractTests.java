package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wamp.ErrorUris;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Abort;
import dev.switchboard.wamp.message.Authenticate;
import dev.switchboard.wamp.message.Challenge;
import dev.switchboard.wamp.message.Error;
import dev.switchboard.wamp.message.Hello;
import dev.switchboard.wamp.message.HelloDetails;
import dev.switchboard.wamp.message.Invocation;
import dev.switchboard.wamp.message.Payload;
import dev.switchboard.wamp.message.Register;
import dev.switchboard.wamp.message.RegisterOptions;
import dev.switchboard.wamp.message.Subscribe;
import dev.switchboard.wamp.message.SubscribeOptions;
import dev.switchboard.wamp.message.Subscribed;
import dev.switchboard.wamp.message.Welcome;
import dev.switchboard.wamp.message.Yield;
import dev.switchboard.wamp.message.YieldOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;

/**
 * A dynamic authenticator and a dynamic authorizer configured as an operator would, through the running router: the
 * authenticator is a service on the realm {@code services}; it admits {@code realm1}'s clients by ticket, the trusted
 * role {@code backend} among them, whose session serves the authorizer of the role {@code frontend}.
 */
@TestPropertySource(properties = {
        "switchboard.router.realms[0].name=realm1",
        "switchboard.router.realms[0].auth.dynamic.authenticator=com.example.authenticate",
        "switchboard.router.realms[0].auth.dynamic.realm=services",
        "switchboard.router.realms[0].auth.dynamic.timeout=3s",
        "switchboard.router.realms[0].roles.backend.trusted=true",
        "switchboard.router.realms[0].roles.backend.permissions[0].uri=com.example",
        "switchboard.router.realms[0].roles.backend.permissions[0].match=prefix",
        "switchboard.router.realms[0].roles.backend.permissions[0].allow.register=true",
        "switchboard.router.realms[0].roles.frontend.authorizer=com.example.authorize",
        "switchboard.router.realms[1].name=services",
        "switchboard.router.realms[1].auth.anonymous.role=authenticator",
        "switchboard.router.realms[1].roles.authenticator.trusted=true",
        "switchboard.router.realms[1].roles.authenticator.permissions[0].uri=com.example.authenticate",
        "switchboard.router.realms[1].roles.authenticator.permissions[0].allow.register=true"})
class DynamicAuthContractTests extends RunningRouter {

    private static final Serialization SERIALIZATION = Serialization.JSON;

    /** Answers one question of the authenticator's: the ticket names the role. */
    private static void admit(TestClient authenticator) {
        Invocation question = authenticator.expect(Invocation.class);
        Payload.Arguments arguments = (Payload.Arguments) question.payload();
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) arguments.args().get(2);
        Object ticket = details.get("ticket");
        authenticator.send(ticket.equals("backend-ticket") || ticket.equals("web-ticket")
                ? new Yield(question.requestId(), YieldOptions.DEFAULT,
                        Payload.of(ticket.equals("backend-ticket") ? "backend" : "frontend"))
                : new Error(Invocation.TYPE, question.requestId(), Map.of(), "com.example.bad_ticket",
                        Payload.of("no such ticket")));
    }

    private TestClient offer(Transport transport, String authid, String ticket) {
        TestClient client = connect(transport, SERIALIZATION);
        client.send(new Hello("realm1", new HelloDetails(TestClient.ROLES, List.of("ticket"), authid, null, Map.of(),
                "contract-tests", Map.of())));
        assertThat(client.expect(Challenge.class).authMethod()).isEqualTo("ticket");
        client.send(new Authenticate(ticket, Map.of()));
        return client;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void clientsAreAdmittedByTheAuthenticatorAndAskTheAuthorizer(Transport transport) {
        TestClient authenticator = connect(transport, SERIALIZATION);
        authenticator.send(TestClient.hello("services"));
        authenticator.expect(Welcome.class);
        authenticator.register("com.example.authenticate", RegisterOptions.DEFAULT);

        TestClient backend = offer(transport, "backend", "backend-ticket");
        admit(authenticator);
        assertThat(backend.expect(Welcome.class).details().authrole()).isEqualTo("backend");
        backend.register("com.example.authorize", RegisterOptions.DEFAULT);

        TestClient web = offer(transport, "web", "web-ticket");
        admit(authenticator);
        assertThat(web.expect(Welcome.class).details().authrole()).isEqualTo("frontend");
        web.send(new Subscribe(5, SubscribeOptions.DEFAULT, "com.example.news"));
        Invocation question = backend.expect(Invocation.class);
        assertThat(((Payload.Arguments) question.payload()).args().subList(1, 3))
                .containsExactly("com.example.news", "subscribe");
        backend.send(new Yield(question.requestId(), YieldOptions.DEFAULT, Payload.of(true)));
        assertThat(web.expect(Subscribed.class).requestId()).isEqualTo(5);

        // a frontend session may not register what the router calls
        long request = web.nextRequestId();
        web.send(new Register(request, RegisterOptions.DEFAULT, "com.example.authorize"));
        web.expectRouterError(Register.TYPE, request, ErrorUris.NOT_AUTHORIZED);

        TestClient stranger = offer(transport, "stranger", "guess");
        admit(authenticator);
        Abort abort = stranger.expect(Abort.class);
        assertThat(abort.reason()).isEqualTo(ErrorUris.AUTHENTICATION_FAILED);
        assertThat(abort.details().message()).doesNotContain("no such ticket");
    }
}
