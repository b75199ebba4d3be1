package dev.selfservice.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal and the local tenant share nothing but Auth0's HTTP API: neither imports the other, so the portal
 * cannot lean on anything a real Auth0 tenant would not give it.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.selfservice");
    }

    @Test
    void thePortalDoesNotDependOnTheLocalTenant() {
        noClasses().that().resideInAPackage("dev.selfservice.portal..")
                .should().dependOnClassesThat().resideInAPackage("dev.selfservice.localtenant..")
                .check(production);
    }

    @Test
    void theLocalTenantDoesNotDependOnThePortal() {
        noClasses().that().resideInAPackage("dev.selfservice.localtenant..")
                .should().dependOnClassesThat().resideInAPackage("dev.selfservice.portal..")
                .check(production);
    }

    @Test
    void bothSidesExistSoTheRulesAboveAreNotVacuous() {
        org.assertj.core.api.Assertions.assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("dev.selfservice.portal"))
                .anyMatch(p -> p.startsWith("dev.selfservice.localtenant"));
    }
}
