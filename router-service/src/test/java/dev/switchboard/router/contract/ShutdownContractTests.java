package dev.switchboard.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.RouterApplication;
import dev.switchboard.router.transport.RawSocketServer;
import dev.switchboard.wamp.CloseUris;
import dev.switchboard.wamp.codec.Serialization;
import dev.switchboard.wamp.message.Goodbye;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Stopping the real router application: every established session hears GOODBYE {@code wamp.close.system_shutdown}
 * before its connection closes, on every transport and serialization. The test stops the router, so it starts one
 * of its own.
 */
class ShutdownContractTests {

    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(TestClient::close);
    }

    /** Leaves the tests' own configurations out of the router's component scan, as {@code @SpringBootTest} does. */
    static final class WithoutTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }
    }

    @Test
    void stoppingTheRouterSaysGoodbyeSystemShutdownToEverySessionBeforeClosingItsConnection() {
        ConfigurableApplicationContext router = new SpringApplicationBuilder(RouterApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("withoutTestConfigurations",
                        new WithoutTestConfigurations()))
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--switchboard.router.transport.rawsocket.host=127.0.0.1",
                        "--switchboard.router.transport.rawsocket.port=0", "--spring.main.banner-mode=off");
        List<Transport> transports = new ArrayList<>();
        TestClient withoutSession;
        try {
            Transport.Endpoints endpoints = new Transport.Endpoints(
                    ((WebServerApplicationContext) router).getWebServer().getPort(),
                    router.getBean(RawSocketServer.class).port());
            for (Transport transport : Transport.values()) {
                for (Serialization serialization : Serialization.values()) {
                    TestClient client = transport.connect(endpoints, serialization);
                    clients.add(client);
                    client.join();
                    transports.add(transport);
                }
            }
            withoutSession = Transport.WEBSOCKET.connect(endpoints, Serialization.JSON);
            clients.add(withoutSession);
        } finally {
            router.close();
        }

        for (int i = 0; i < transports.size(); i++) {
            TestClient.Ending ending = clients.get(i).awaitEnd();
            assertThat(ending.messages()).as("%s", clients.get(i)).singleElement()
                    .isInstanceOfSatisfying(Goodbye.class, goodbye ->
                            assertThat(goodbye.reason()).isEqualTo(CloseUris.SYSTEM_SHUTDOWN));
            assertThat(ending.closed().code()).as("%s: after GOODBYE, a normal close", clients.get(i))
                    .isEqualTo(transports.get(i).closeCode(1000));
        }
        TestClient.Ending ending = withoutSession.awaitEnd();
        assertThat(ending.messages()).as("no session, no GOODBYE").isEmpty();
        assertThat(ending.closed().code()).as("going away").isEqualTo(1001);
    }
}
