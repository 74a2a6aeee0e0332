package org.calldesk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The layer rules of the house, over the main classes of our modules (the connector API and
 * adapter, the wire contract, the EJB module, the web module, the simulator, the demo CRM, the launcher and the
 * bench). Each rule fails the build when it is broken.
 */
@AnalyzeClasses(
        packages = "org.calldesk",
        locations = LayerRulesTest.AdapterClasses.class,
        importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    private static final String DOMAIN = "org.calldesk.domain..";
    private static final String APPLICATION = "org.calldesk.application..";
    private static final String READ_MODELS = "org.calldesk.application.view..";
    private static final String INFRASTRUCTURE = "org.calldesk.infrastructure..";
    private static final String INTERFACES = "org.calldesk.interfaces..";
    private static final String WIRE_CONTRACT = "org.calldesk.contract..";
    private static final String CONNECTOR = "org.calldesk.connector..";
    private static final String CONNECTOR_API = "org.calldesk.connector.api..";
    private static final String ADAPTER = "org.calldesk.connector.ami..";
    private static final String BENCH_FLOOR = "org\\.calldesk\\.bench\\.Floors(\\$.*)?";
    /** The dialplan's user event, one class for the adapter, the simulator's tests and the bench's floor. */
    private static final String DIALPLAN_EVENT = "org.calldesk.connector.ami.CallDeskWaitingEvent";

    @ArchTest
    static final ArchRule connectorApiDependsOnNothingOfOurs = classes()
            .that().resideInAPackage(CONNECTOR_API)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.resource..", CONNECTOR_API)
            .because("the API is what the application and the adapter share; it knows only Java and Jakarta Connectors");

    @ArchTest
    static final ArchRule contractDependsOnNothingOfOurs = classes()
            .that().resideInAPackage(WIRE_CONTRACT)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.json..",
                    "org.eclipse.microprofile.openapi..", WIRE_CONTRACT)
            .because("the wire contract is what CallDesk says to the world; it knows only JSON-P and the OpenAPI "
                    + "annotations that describe it, and the application maps itself to it");

    @ArchTest
    static final ArchRule infrastructureDoesNotImportInterfaces = noClasses()
            .that().resideInAPackage(INFRASTRUCTURE)
            .should().dependOnClassesThat().resideInAPackage(INTERFACES)
            .because("adapters below the interfaces share the wire contract with them, not their classes");

    @ArchTest
    static final ArchRule asteriskJavaOnlyInTheAdapter = noClasses()
            .that().resideOutsideOfPackage(ADAPTER)
            // the bench's floor measures what asterisk-java alone receives from the simulator
            .and().haveNameNotMatching(BENCH_FLOOR)
            .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..")
            .because("only the resource adapter speaks AMI; everything past it sees the connector API");

    @ArchTest
    static final ArchRule domainDependsOnNoFrameworkButJpa = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.persistence..", DOMAIN)
            .because("the domain model is plain Java with its JPA mapping, and knows no layer above it");

    @ArchTest
    static final ArchRule nothingImportsUpward = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(resideInAPackage(APPLICATION).and(not(resideInAPackage(READ_MODELS))))
            // what the application's services return: immutable snapshots of the domain, which the
            // wire contract maps to JSON and the views show (issue 15, "read models / DTOs")
            .layer("Read models").definedBy(READ_MODELS)
            .layer("Infrastructure").definedBy(INFRASTRUCTURE)
            // the JSON that REST, JMS, push, outbox and CRM push share: the calldesk-contract module,
            // below everything that speaks it (issue 15, "one wire contract")
            .layer("Wire contract").definedBy(WIRE_CONTRACT)
            .layer("Interfaces").definedBy(INTERFACES)
            .layer("Connector API").definedBy(CONNECTOR_API)
            .layer("PBX adapter").definedBy(ADAPTER)
            .layer("Tools").definedBy("org.calldesk.pbxsim..", "org.calldesk.democrm..",
                    "org.calldesk.launcher..", "org.calldesk.bench..")
            .whereLayer("Interfaces").mayNotBeAccessedByAnyLayer()
            .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Interfaces")
            .whereLayer("Wire contract").mayOnlyBeAccessedByLayers("Read models", "Infrastructure", "Interfaces")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Infrastructure", "Interfaces")
            .whereLayer("Read models").mayOnlyBeAccessedByLayers("Application", "Infrastructure", "Interfaces")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Read models", "Infrastructure",
                    "Interfaces")
            // the application speaks to the PBX through its own port types (application.pbx)
            .whereLayer("Connector API").mayOnlyBeAccessedByLayers("PBX adapter", "Infrastructure")
            .whereLayer("PBX adapter").mayNotBeAccessedByAnyLayer()
            .whereLayer("Tools").mayNotBeAccessedByAnyLayer()
            // the bench's floor registers the dialplan's event as the adapter does, and nothing else of it
            .ignoreDependency(nameMatching(BENCH_FLOOR), name(DIALPLAN_EVENT));

    /**
     * The PBX port speaks the application's own types ({@code application.pbx}); the connector's
     * are translated in {@code infrastructure.pbx}.
     */
    @ArchTest
    static final ArchRule applicationKnowsNoAdapterType = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(CONNECTOR, INFRASTRUCTURE, INTERFACES)
            .because("the application's ports take and give the application's own types");

    /**
     * Views and REST get read models from the services ({@code application.view}) and the wire
     * contract's records; only the read models read entities.
     */
    @ArchTest
    static final ArchRule webHoldsNoEntity = noClasses()
            .that().resideInAPackage(INTERFACES)
            .should().dependOnClassesThat().areAnnotatedWith("jakarta.persistence.Entity")
            .because("views and REST read read models or DTOs, never managed entities");

    /**
     * The adapter's parts (as in the Payara Cloud Connectors): the outbound side (call control) and
     * the inbound side (event delivery) share the mapping of AMI events, which knows neither side;
     * the two sides meet only in the resource adapter.
     */
    @ArchTest
    static final ArchRule adapterInboundKnowsNotOutbound = noClasses()
            .that().resideInAPackage("org.calldesk.connector.ami.inbound..")
            .should().dependOnClassesThat().resideInAPackage("org.calldesk.connector.ami.outbound..")
            .because("the inbound and outbound sides of the adapter share only the mapping and the settings");

    @ArchTest
    static final ArchRule adapterOutboundKnowsNotInbound = noClasses()
            .that().resideInAPackage("org.calldesk.connector.ami.outbound..")
            .should().dependOnClassesThat().resideInAPackage("org.calldesk.connector.ami.inbound..")
            .because("the inbound and outbound sides of the adapter share only the mapping and the settings");

    @ArchTest
    static final ArchRule adapterMappingKnowsNeitherSide = noClasses()
            .that().resideInAPackage("org.calldesk.connector.ami.mapping..")
            .should().dependOnClassesThat().resideInAnyPackage("org.calldesk.connector.ami.inbound..",
                    "org.calldesk.connector.ami.outbound..")
            .because("AMI events mean the same to both sides of the adapter");

    /**
     * The adapter's classes: a rar is not on a classpath, so the build unpacks its classes jar
     * (see pom.xml) and names it in {@code calldesk.adapterJar}.
     */
    static final class AdapterClasses implements LocationProvider {

        @Override
        public Set<Location> get(Class<?> testClass) {
            String jar = System.getProperty("calldesk.adapterJar");
            if (jar == null || !Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("The adapter's classes jar is missing (calldesk.adapterJar="
                        + jar + "); run this test through Maven, which unpacks it from calldesk-pbx-rar");
            }
            try {
                return Set.of(Location.of(new JarFile(jar)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
