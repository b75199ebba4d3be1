package dev.selfservice.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal and the local tenant share nothing but Auth0's HTTP API: neither imports the other, so the portal
 * cannot lean on anything a real Auth0 tenant would not give it. Inside the portal, no feature package depends on
 * itself through another: what several features use sits in a package below them (web, contact, state, auth0).
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

    /** Each package directly below the root is one slice; no slice may reach itself again through others. */
    static ArchRule noPackageCyclesBelow(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void thePortalsPackagesDependOnEachOtherWithoutCycles() {
        noPackageCyclesBelow("dev.selfservice.portal").check(production);
    }

    @Test
    void theCycleRuleReportsACycleBetweenTwoTestOnlyPackages() {
        JavaClasses cycle = new ClassFileImporter().importPackages("dev.selfservice.architecture.cycle");
        org.assertj.core.api.Assertions.assertThat(noPackageCyclesBelow("dev.selfservice.architecture.cycle")
                .evaluate(cycle).getFailureReport().getDetails())
                .as("the rule sees the cycle first -> second -> first")
                .anyMatch(line -> line.contains("Cycle detected") && line.contains("first") && line.contains("second"));
    }

    @Test
    void bothSidesExistSoTheRulesAboveAreNotVacuous() {
        org.assertj.core.api.Assertions.assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("dev.selfservice.portal"))
                .anyMatch(p -> p.startsWith("dev.selfservice.localtenant"));
    }

    /**
     * The library packages the local tenant may use, each with the artifact that must be declared for it in pom.xml:
     * the tenant leans on nothing the portal's extensions happen to bring along.
     */
    private static final java.util.Map<String, String> TENANT_LIBRARIES = java.util.Map.of(
            "io.vertx.core..", "vertx-core",
            "io.vertx.ext.web..", "vertx-web",
            "org.jose4j..", "jose4j",
            "com.unboundid..", "unboundid-ldapsdk",
            "com.icegreen.greenmail..", "greenmail",
            "org.graalvm.polyglot..", "polyglot",
            "io.quarkus.qute..", "quarkus-qute",
            "io.quarkus.runtime..", "quarkus-core",
            "io.smallrye.config..", "smallrye-config-core",
            "org.jboss.logging..", "jboss-logging");

    @Test
    void theLocalTenantUsesOnlyLibrariesTheBuildDeclares() throws java.io.IOException {
        java.util.List<String> allowed = new java.util.ArrayList<>(TENANT_LIBRARIES.keySet());
        allowed.addAll(java.util.List.of("java..", "javax.net..", "jakarta..", "dev.selfservice.localtenant.."));
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("dev.selfservice.localtenant..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .check(production);
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        for (String artifact : TENANT_LIBRARIES.values()) {
            org.assertj.core.api.Assertions.assertThat(pom).as("pom.xml declares " + artifact)
                    .contains("<artifactId>" + artifact + "</artifactId>");
        }
    }

    @Test
    void theLocalTenantsTypesArePackagePrivateButItsSettingsAndDirectoryModel() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("dev.selfservice.localtenant")
                .and().doNotHaveSimpleName("LocalTenantConfig").and().areTopLevelClasses()
                .should().notBePublic().check(production);
    }
}
