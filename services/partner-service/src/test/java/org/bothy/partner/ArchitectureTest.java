package org.bothy.partner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Rules that keep the partner service one organisation's own: it meets the others only through contracts. */
@AnalyzeClasses(packages = "org.bothy.partner", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServicesCode = noClasses().that().resideInAPackage("org.bothy.partner..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bothy.place..", "org.bothy.escalation..")
            .because("services meet only through Kafka contracts in the shared kernel and HTTP APIs");

    @ArchTest
    static final ArchRule journeysDoNotKnowHowTheyArePublished = noClasses().that()
            .resideInAPackage("org.bothy.partner.journey..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bothy.partner.publishing..",
                    "org.apache.kafka..", "org.bothy.kernel.contract..", "org.bothy.kernel.cloudevents..")
            .because("what crosses the boundary is a translation made by publishing, not by the journey itself");

    @ArchTest
    static final ArchRule journeySlicesStandApart = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("org.bothy.partner.journey.(*)..")
            .should().notDependOnEachOther()
            .because("a use case of a journey is read in one package; what slices share lives in journey itself");

    @ArchTest
    static final ArchRule theOrganisationsOwnLearningDoesNotKnowHowItIsPublished = noClasses().that()
            .resideInAnyPackage("org.bothy.partner.issue..", "org.bothy.partner.learning..",
                    "org.bothy.partner.spend..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bothy.partner.publishing..",
                    "org.apache.kafka..", "org.bothy.kernel.cloudevents..")
            .because("issues, learning cycles and projects decide what is shared; publishing translates it");
}
