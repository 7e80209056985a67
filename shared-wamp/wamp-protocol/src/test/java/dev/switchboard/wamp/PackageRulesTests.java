package dev.switchboard.wamp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The protocol library's package rules: the model knows no codec, the index knows no message, no Spring anywhere. */
class PackageRulesTests {

    private static final JavaClasses PROTOCOL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard.wamp");

    @Test
    void messagesDoNotKnowHowTheyAreSerialized() {
        noClasses().that().resideInAPackage("..wamp.message..")
                .should().dependOnClassesThat().resideInAnyPackage("..wamp.codec..", "tools.jackson..", "org.msgpack..")
                .check(PROTOCOL);
    }

    @Test
    void thePatternIndexIsIndependentOfWhoUsesIt() {
        noClasses().that().resideInAPackage("..wamp.matching..")
                .should().dependOnClassesThat().resideInAnyPackage("..wamp.message..", "..wamp.codec..")
                .check(PROTOCOL);
    }

    @Test
    void onlyTheCodecsUseSerializationLibraries() {
        noClasses().that().resideOutsideOfPackage("..wamp.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "org.msgpack..")
                .check(PROTOCOL);
    }

    @Test
    void theProtocolLibraryHasNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(PROTOCOL);
    }
}
