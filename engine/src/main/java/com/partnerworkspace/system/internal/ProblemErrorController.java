package com.partnerworkspace.system.internal;

import com.partnerworkspace.system.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (a filter's {@code sendError}, the servlet container) answer in
 * the same problem+json shape instead of Spring Boot's default error JSON or page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatusCode status = statusOf(request);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem = status.is5xxServerError()
                ? ApiProblems.incident(failure == null ? new IllegalStateException("HTTP " + status) : failure)
                : Problems.forStatus(status, detailFor(status, request));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(Problems.instance(path));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatusCode statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value ? HttpStatusCode.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailFor(HttpStatusCode status, HttpServletRequest request) {
        if (status.value() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
            return RequestBodyLimitFilter.TOO_LARGE_DETAIL;
        }
        if (MultipartBoundaryFilter.isMultipartWithoutBoundary(request.getContentType())) {
            return "A multipart request needs a boundary in its Content-Type.";
        }
        return "The request could not be served ("
                + Problems.forStatus(status, null).getTitle() + ").";
    }
}
