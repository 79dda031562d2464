package com.partnerworkspace.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** 401 and 403 as RFC 9457 problem details, so the UI and API clients get one error shape. */
class ProblemJsonAuthenticationHandlers
        implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper objectMapper;

    ProblemJsonAuthenticationHandlers(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(
                response,
                request,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Unauthorized",
                        "A valid Keycloak access token is required (Authorization: Bearer ...)."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException cause)
            throws IOException {
        write(
                response,
                request,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your roles do not allow this request."));
    }

    /** The firewall refused the request (e.g. a parameter name it does not allow): bad input, not a fault. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException cause)
            throws IOException {
        write(
                response,
                request,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "request-rejected",
                        "Bad Request",
                        "The request was refused: it contains characters or names that are not allowed."));
    }

    private void write(HttpServletResponse response, HttpServletRequest request, ProblemDetail problem)
            throws IOException {
        problem.setInstance(Problems.instance(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
