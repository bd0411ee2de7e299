package pl.konwent.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon, as STYLE.md draws it: app → adapters → domain, and the domain on the JDK alone. */
@AnalyzeClasses(packages = "pl.konwent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnNoFramework = noClasses()
            .that().resideInAPackage("pl.konwent.domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("pl.konwent.domain..", "java..", "javax.crypto..")
            .because("the rules are plain Java: no Dropwizard, Jakarta, JDBI or Jackson in konwent-domain (the JDK's "
                    + "javax.crypto is the JDK: C6's lot is HMAC-SHA256, which a reader recomputes)");

    @ArchTest
    static final ArchRule domainDoesNotKnowAdapters = noClasses()
            .that().resideInAPackage("pl.konwent.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("pl.konwent.adapters..", "pl.konwent.app..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowTheApplication = noClasses()
            .that().resideInAPackage("pl.konwent.adapters..")
            .should().dependOnClassesThat().resideInAPackage("pl.konwent.app..");

    @ArchTest
    static final ArchRule resourcesDoNotTouchTheDatabase = noClasses()
            .that().resideInAPackage("pl.konwent.adapters.web..").and().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..",
                    "pl.konwent.adapters.jdbi..")
            .because("resources are thin: they call use cases, never SQL");
}
