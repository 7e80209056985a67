package dev.switchboard.router;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The router's package rules (ARCHITECTURE.md): only {@code transport} knows Netty and WebFlux; routing state
 * (broker, dealer, realm, meta) knows no framework; broker and dealer know nothing of each other or of sessions and
 * transports; packages do not depend on each other in cycles.
 */
class PackageRulesTests {

    private static final JavaClasses ROUTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.router");

    @Test
    void onlyTheTransportKnowsNettyAndWebFlux() {
        noClasses().that().resideOutsideOfPackage("..router.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "reactor..",
                        "org.springframework.web.reactive..", "org.springframework.http.server.reactive..")
                .check(ROUTER);
    }

    @Test
    void routingStateKnowsNoFramework() {
        noClasses().that().resideInAnyPackage("..router.broker..", "..router.dealer..", "..router.realm..",
                        "..router.routing..", "..router.meta..", "..router.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.netty..",
                        "reactor..", "io.micrometer..")
                .check(ROUTER);
    }

    @Test
    void brokerAndDealerKnowOnlyTheRoutingBasics() {
        noClasses().that().resideInAnyPackage("..router.broker..", "..router.dealer..")
                .should().dependOnClassesThat().resideInAnyPackage("..router.realm..", "..router.session..",
                        "..router.transport..", "..router.meta..", "..router.config..")
                .check(ROUTER);
        noClasses().that().resideInAPackage("..router.broker..")
                .should().dependOnClassesThat().resideInAPackage("..router.dealer..")
                .check(ROUTER);
        noClasses().that().resideInAPackage("..router.dealer..")
                .should().dependOnClassesThat().resideInAPackage("..router.broker..")
                .check(ROUTER);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.switchboard.router.(*)..").should().beFreeOfCycles().check(ROUTER);
    }
}
