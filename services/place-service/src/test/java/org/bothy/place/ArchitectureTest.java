package org.bothy.place;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The place service meets other services only through Kafka contracts and HTTP, never through their code. */
class ArchitectureTest {

    private final JavaClasses place = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.bothy.place");

    @Test
    void dependsOnNoOtherServicesCode() {
        noClasses().that().resideInAPackage("org.bothy.place..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bothy.partner..", "org.bothy.escalation..")
                .check(place);
    }

    @Test
    void viewsDoNotReachIntoEachOther() {
        // Each view reads its own tables; the intake is the only thing they share.
        noClasses().that().resideInAPackage("org.bothy.place.barriers..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bothy.place.signals..", "org.bothy.place.reach..")
                .check(place);
        noClasses().that().resideInAPackage("org.bothy.place.intake..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.bothy.place.barriers..", "org.bothy.place.signals..", "org.bothy.place.reach..")
                .check(place);
    }
}
