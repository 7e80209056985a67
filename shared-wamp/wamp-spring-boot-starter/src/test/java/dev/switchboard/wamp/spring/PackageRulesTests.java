package dev.switchboard.wamp.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * The starter's package rules: it uses the client's API only, only {@code …spring.actuate} knows Micrometer and
 * Boot's health support (both optional), and auto-configurations are public final classes.
 */
class PackageRulesTests {

    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.wamp.spring");

    @Test
    void theStarterUsesOnlyTheClientsApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.switchboard.wamp.client.internal..")
                .check(STARTER);
    }

    @Test
    void onlyTheActuatePackageKnowsTheOptionalLibraries() {
        noClasses().that().resideOutsideOfPackage("dev.switchboard.wamp.spring.actuate..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..",
                        "org.springframework.boot.health..")
                .check(STARTER);
    }

    @Test
    void autoConfigurationsArePublicFinalClasses() {
        classes().that().areAnnotatedWith(AutoConfiguration.class)
                .should().haveModifier(JavaModifier.PUBLIC).andShould().haveModifier(JavaModifier.FINAL)
                .check(STARTER);
    }
}
