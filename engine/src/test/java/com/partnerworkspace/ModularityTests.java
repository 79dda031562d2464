package com.partnerworkspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Feature packages and adapters are modules: no cycles, nobody reaching into another module's
 * {@code internal/}, only declared dependencies (features may use adapters, adapters use nothing), and
 * one name per feature across the engine package, the UI folder and the UI route.
 */
class ModularityTests {

    static final Set<String> ADAPTERS = Set.of("keycloak", "vault", "notify", "broker");
    static final Set<String> CROSS_CUTTING = Set.of("security", "system");
    private static final Path UI_APP = RepoFiles.path("ui/src/app");

    private final ApplicationModules modules = ApplicationModules.of(PartnerWorkspaceApplication.class);

    @Test
    void moduleBoundariesHold() {
        modules.verify();
    }

    @Test
    void adaptersDependOnNoOtherModule() {
        for (String adapter : ADAPTERS) {
            ApplicationModule module = modules.getModuleByName(adapter).orElseThrow();
            assertThat(module.getBootstrapDependencies(modules).toList())
                    .as("modules %s depends on", adapter)
                    .isEmpty();
        }
    }

    @Test
    void everyFeatureHasOneNameInTheEngineTheUiAndTheRoute() throws IOException {
        String routes = Files.readString(UI_APP.resolve("app.routes.ts"));
        var features = modules.stream()
                .map(ApplicationModule::getName)
                .filter(name -> !ADAPTERS.contains(name) && !CROSS_CUTTING.contains(name))
                .toList();

        assertThat(features).isNotEmpty();
        for (String feature : features) {
            assertThat(UI_APP.resolve(feature))
                    .as("UI folder of feature %s", feature)
                    .isDirectory();
            assertThat(routes).as("UI route of feature %s", feature).contains("path: '" + feature + "'");
        }
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        Path docs = Path.of("target/spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        String overview = Files.readString(docs.resolve("components.puml"));
        assertThat(modules.stream()).isNotEmpty().allSatisfy(module -> {
            assertThat(overview)
                    .as("overview diagram names module %s", module.getName())
                    .contains(module.getDisplayName());
            assertThat(docs.resolve("module-" + module.getIdentifier() + ".puml"))
                    .as("diagram of module %s", module.getName())
                    .content()
                    .contains(module.getDisplayName());
        });
    }
}
