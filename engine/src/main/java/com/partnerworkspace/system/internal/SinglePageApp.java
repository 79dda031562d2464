package com.partnerworkspace.system.internal;

import com.partnerworkspace.system.UiRoutes;
import java.io.IOException;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the built UI: its files as they are, and for every route of the Angular router (an
 * extension-less path, see {@link UiRoutes}) the app's {@code index.html}, so deep links and reloads work.
 * Replaces Spring Boot's default {@code /**} handler.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageApp implements WebMvcConfigurer {

    private static final String INDEX = "index.html";

    private final String[] locations;

    SinglePageApp(WebProperties web) {
        this.locations = web.getResources().getStaticLocations();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(locations)
                .resourceChain(true)
                .addResolver(new IndexForUiRoutes());
    }

    private static final class IndexForUiRoutes extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource file = super.getResource(resourcePath, location);
            if (file != null || !UiRoutes.isUiRoute(resourcePath)) {
                return file;
            }
            return super.getResource(INDEX, location);
        }
    }
}
