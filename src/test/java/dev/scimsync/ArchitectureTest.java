package dev.scimsync;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arrows between the packages, checked on the compiled main classes: cli → job → stages → shared. The stages
 * follow the pipeline, and a stage sees only the stages before it; the shared packages see no stage; the emulator
 * sees nothing else of the project, so a client bug cannot hide behind a server bug.
 */
class ArchitectureTest {

    /** The pipeline's stages, in their order. */
    static final List<String> STAGES = List.of("input", "validate", "snapshot", "plan", "apply", "verify", "report");
    static final List<String> SHARED = List.of("state", "config", "scim");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.scimsync");
    }

    @Test
    void everyPackageHasALayer() {
        List<String> known = Stream.of(STAGES, SHARED, List.of("cli", "job", "emulator")).flatMap(List::stream)
                .toList();
        assertThat(classes.stream().map(c -> c.getPackageName()).distinct()
                .filter(p -> !p.equals("dev.scimsync"))
                .map(p -> p.substring("dev.scimsync.".length()).split("\\.")[0]))
                .as("a new package needs its place in the layer rules")
                .allMatch(known::contains);
    }

    @Test
    void cliThenJobThenStagesThenShared() {
        ArchRule layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main").definedBy("dev.scimsync")
                .layer("Cli").definedBy("dev.scimsync.cli..")
                .layer("Job").definedBy("dev.scimsync.job..")
                .layer("Stages").definedBy(packages(STAGES))
                .layer("Shared").definedBy(packages(SHARED))
                .layer("Emulator").definedBy("dev.scimsync.emulator..")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Job").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Stages").mayOnlyBeAccessedByLayers("Cli", "Job")
                .whereLayer("Shared").mayOnlyBeAccessedByLayers("Cli", "Job", "Stages")
                .whereLayer("Emulator").mayOnlyBeAccessedByLayers("Cli", "Job");
        layers.check(classes);
    }

    static Stream<String> stages() {
        return STAGES.stream();
    }

    /** A stage uses the stages before it, never one after it: the plan never reads the report. */
    @ParameterizedTest
    @MethodSource("stages")
    void aStageSeesOnlyEarlierStages(String stage) {
        String[] later = IntStream.range(STAGES.indexOf(stage) + 1, STAGES.size())
                .mapToObj(i -> "dev.scimsync." + STAGES.get(i) + "..").toArray(String[]::new);
        if (later.length == 0) {
            return;
        }
        noClasses().that().resideInAPackage("dev.scimsync." + stage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(later)
                .check(classes);
    }

    /** The shared packages stand alone: the schema does not know the client, the client not the job file. */
    @ParameterizedTest
    @MethodSource("sharedPackages")
    void sharedPackagesUseNoOtherPartOfTheProject(String shared) {
        String[] others = Stream.of(STAGES, SHARED, List.of("cli", "job", "emulator")).flatMap(List::stream)
                .filter(p -> !p.equals(shared)).map(p -> "dev.scimsync." + p + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.scimsync." + shared + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .check(classes);
    }

    static Stream<String> sharedPackages() {
        return SHARED.stream();
    }

    @Test
    void emulatorUsesNothingElseOfTheProject() {
        noClasses().that().resideInAPackage("dev.scimsync.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        Stream.concat(Stream.of(STAGES, SHARED).flatMap(List::stream), Stream.of("cli", "job"))
                                .map(p -> "dev.scimsync." + p + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.scimsync.(*)..").should().beFreeOfCycles().check(classes);
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(p -> "dev.scimsync." + p + "..").toArray(String[]::new);
    }

}
