package dev.switchboard.wamp.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's package rules: a small public API in {@code …client}, the implementation hidden in
 * {@code …client.internal}, and the only framework type in the API is Spring's {@code WebSocketClient}.
 */
class PackageRulesTests {

    private static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.wamp.client");

    @Test
    void onlyTheEntryPointsReachIntoTheImplementation() {
        noClasses().that().resideInAPackage("dev.switchboard.wamp.client")
                .and().doNotHaveFullyQualifiedName(WampClient.Builder.class.getName())
                .and().doNotHaveFullyQualifiedName(Authenticator.class.getName())
                .should().dependOnClassesThat().resideInAPackage("..client.internal..")
                .check(CLIENT);
    }

    @Test
    void noPublicSignatureOfTheApiMentionsAnImplementationType() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass api : CLIENT.that(DescribedPredicate.describe("are in the API package",
                (JavaClass type) -> type.getPackageName().equals("dev.switchboard.wamp.client")))) {
            for (JavaMethod method : api.getMethods()) {
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                method.getRawParameterTypes().stream().map(JavaClass::getName)
                        .filter(name -> name.contains(".internal."))
                        .forEach(name -> leaks.add(method + " takes " + name));
                if (method.getRawReturnType().getName().contains(".internal.")) {
                    leaks.add(method + " returns " + method.getRawReturnType().getName());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theApiUsesNoFrameworkTypeButSpringsWebSocketClient() {
        noClasses().that().resideInAPackage("dev.switchboard.wamp.client")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "are Spring, Tomcat or Jakarta types other than WebSocketClient",
                        (JavaClass type) -> (type.getPackageName().startsWith("org.springframework")
                                || type.getPackageName().startsWith("org.apache.tomcat")
                                || type.getPackageName().startsWith("jakarta."))
                                && !type.getName().equals("org.springframework.web.socket.client.WebSocketClient")))
                .check(CLIENT);
    }

    @Test
    void onlyTheTransportKnowsSpringWebSocketAndTomcat() {
        noClasses().that().resideInAPackage("..client.internal..")
                .and().doNotHaveSimpleName("WebSocketTransport")
                .and().doNotHaveSimpleName("WebSocketConnector")
                .and().doNotHaveSimpleName("JdkWebSocketClient")
                .and().haveNameNotMatching(".*JdkWebSocketSession.*")
                .and().doNotHaveSimpleName("ClientConfig")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.websocket..",
                        "org.apache.tomcat..")
                .check(CLIENT);
    }
}
