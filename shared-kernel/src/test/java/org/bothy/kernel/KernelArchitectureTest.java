package org.bothy.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The published language stays framework-free, so every service (and any other stack) can speak it. */
@AnalyzeClasses(packages = "org.bothy.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    @ArchTest
    static final ArchRule no_framework = noClasses().that().resideInAPackage("org.bothy.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework..", "jakarta..", "javax.persistence..",
                    "org.hibernate..", "io.micrometer..", "tools.jackson..", "reactor..")
            .because("the kernel is the consortium's published language, not a service's plumbing");

    @ArchTest
    static final ArchRule no_service_code = noClasses().that().resideInAPackage("org.bothy.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.bothy.partner..", "org.bothy.place..", "org.bothy.escalation..", "org.bothy.support..")
            .because("services depend on the kernel, never the other way round");
}
