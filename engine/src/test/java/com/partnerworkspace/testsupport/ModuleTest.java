package com.partnerworkspace.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring Modulith module test: only the beans of the test's module and of the modules it depends on
 * ({@link BootstrapMode#DIRECT_DEPENDENCIES}), on an in-memory H2 database with the real schema, in the
 * {@code local} profile. The process engine, Camunda's REST API and webapps are left out (booting Camunda
 * costs seconds per context), and so is every server: a module whose beans need the engine, Keycloak or
 * OpenBao to exist is proved by its slices and {@code @EngineTest}s instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ApplicationModuleTest
@ActiveProfiles("local")
@Import(ModuleTestSupport.class)
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:module-${random.uuid};DB_CLOSE_DELAY=-1",
            "workspace.state-dir=${java.io.tmpdir}/partner-workspace-module-tests",
            "spring.autoconfigure.exclude="
                    + "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration,"
                    + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                    + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"
        })
public @interface ModuleTest {

    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
    BootstrapMode mode() default BootstrapMode.DIRECT_DEPENDENCIES;

    /** Further modules to bootstrap, e.g. {@code keycloak} (its settings) for a module behind the web security. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
    String[] extraIncludes() default {};
}
