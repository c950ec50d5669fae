package org.bothy.escalation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.bothy.escalation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceCode = noClasses().that().resideInAPackage("org.bothy.escalation..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bothy.partner..", "org.bothy.place..")
            .because("services meet only through Kafka contracts and HTTP APIs");

    @ArchTest
    static final ArchRule aggregateMessagesSpeakTheDomainNotThePlumbing = noClasses().that()
            .resideInAPackage("org.bothy.escalation.escalation.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.bothy.support..")
            .because("commands and events are the domain's language, not plumbing");

    @ArchTest
    static final ArchRule theRuleKnowsNoStorage = noClasses().that().resideInAPackage("org.bothy.escalation.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.axonframework..",
                    "org.apache.kafka..")
            .because("the rule is a policy people discuss, judged on a signal alone");
}
