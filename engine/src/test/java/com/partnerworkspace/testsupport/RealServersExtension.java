package com.partnerworkspace.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a test class the real servers it names in {@link Needs} (started once per run, see
 * {@link RealServers}) and injects them as parameters.
 */
public class RealServersExtension implements BeforeAllCallback, ParameterResolver {

    public enum Server {
        KEYCLOAK,
        OPENBAO,
        POSTGRES
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Needs {
        Server[] value();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Needs.class)
                .ifPresent(needs -> {
                    for (Server server : needs.value()) {
                        switch (server) {
                            case KEYCLOAK -> RealServers.keycloak();
                            case OPENBAO -> RealServers.openBao();
                            case POSTGRES -> RealServers.postgres();
                        }
                    }
                });
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KeycloakServer.class || type == OpenBaoServer.class || type == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == KeycloakServer.class) {
            return RealServers.keycloak();
        }
        if (type == OpenBaoServer.class) {
            return RealServers.openBao();
        }
        return RealServers.postgres();
    }
}
