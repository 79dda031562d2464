package com.partnerworkspace.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A multipart request without a boundary can never be read. It is answered 400 on any path before
 * anything tries to parse it (which would fail as a 500 with a stack trace in the log).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartBoundaryFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipartWithoutBoundary(request.getContentType())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isMultipartWithoutBoundary(String contentType) {
        if (contentType == null) {
            return false;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        return lower.startsWith("multipart/") && !lower.matches(".*;\\s*boundary=\\S+.*");
    }
}
