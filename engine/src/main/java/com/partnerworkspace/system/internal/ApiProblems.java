package com.partnerworkspace.system.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.partnerworkspace.system.Problems;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The generic errors, as problem+json: Spring's own exceptions keep their statuses with a detail
 * written for the caller (never a library's message), bad input names the offending fields, and
 * anything unexpected is a 500 with an incident id that the log carries beside the stack trace.
 * Features map their own domain errors in their own advice, which runs before this one.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        log.debug("Unreadable multipart request", e);
        return Problems.forStatus(HttpStatus.BAD_REQUEST, "The multipart request body could not be read.");
    }

    /** The firewall refuses a parameter name or value only when the handler reads the parameters. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ProblemDetail rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        log.debug("Request rejected by the firewall", e);
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "request-rejected",
                "Bad Request",
                "The request was refused: it contains characters or names that are not allowed.");
    }

    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ProblemDetail concurrentChange(org.camunda.bpm.engine.OptimisticLockingException e) {
        log.info("Concurrent change, answered 409: {}", e.getMessage());
        return Problems.of(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Changed at the same moment",
                "Something else changed this at the same moment; try again.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security answers these with its own problem+json 401/403
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // The browser left (a page navigated away mid-download): nobody to answer, nothing went wrong here.
            log.debug("Client went away before the answer was written: {}", e.getMessage());
            return null;
        }
        return incident(e);
    }

    static ProblemDetail incident(Throwable e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}", incident, e);
        ProblemDetail problem = Problems.forStatus(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote incident " + incident + " when you report it.");
        problem.setProperty("incident", incident);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyLimitFilter.isTooLarge(e)) {
            return problem(
                    Problems.forStatus(HttpStatus.PAYLOAD_TOO_LARGE, RequestBodyLimitFilter.TOO_LARGE_DETAIL), headers);
        }
        ProblemDetail problem = Problems.forStatus(HttpStatus.BAD_REQUEST, unreadableBodyDetail(e));
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(fieldError(fieldPath(mapping), mappingMessage(mapping))));
        }
        return problem(problem, headers);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.forStatus(HttpStatus.BAD_REQUEST, "Some fields of the request are not valid.");
        problem.setProperty(
                "errors",
                e.getBindingResult().getFieldErrors().stream()
                        .map(error -> fieldError(error.getField(), messageOf(error)))
                        .toList());
        return problem(problem, headers);
    }

    /**
     * Constraints on parameters ({@code @Size} on a {@code @PathVariable} or {@code @RequestParam}) and, in
     * the same method, on a {@code @Valid @RequestBody}: each error names the body field or the parameter as
     * the request spells it.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                Problems.forStatus(HttpStatus.BAD_REQUEST, "Some fields or parameters of the request are not valid.");
        problem.setProperty(
                "errors",
                e.getParameterValidationResults().stream()
                        .flatMap(ApiProblems::fieldErrors)
                        .toList());
        return problem(problem, headers);
    }

    private static Stream<Map<String, String>> fieldErrors(ParameterValidationResult result) {
        if (result instanceof ParameterErrors body) {
            return body.getFieldErrors().stream().map(error -> fieldError(error.getField(), messageOf(error)));
        }
        String message = result.getResolvableErrors().stream()
                .map(MessageSourceResolvable::getDefaultMessage)
                .collect(Collectors.joining("; "));
        return Stream.of(fieldError(requestName(result), message));
    }

    /** The name the request uses: a query parameter of a {@code @RequestParam Map} is named by its key. */
    private static String requestName(ParameterValidationResult result) {
        MethodParameter parameter = result.getMethodParameter();
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        String name = query != null
                ? firstNonEmpty(query.name(), query.value(), parameter.getParameterName())
                : path != null
                        ? firstNonEmpty(path.name(), path.value(), parameter.getParameterName())
                        : parameter.getParameterName();
        if (result.getContainerKey() != null) {
            return query != null && Map.class.isAssignableFrom(parameter.getParameterType())
                    ? String.valueOf(result.getContainerKey())
                    : name + "[" + result.getContainerKey() + "]";
        }
        return result.getContainerIndex() != null ? name + "[" + result.getContainerIndex() + "]" : name;
    }

    private static String firstNonEmpty(String... names) {
        for (String name : names) {
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return "request";
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                Problems.forStatus(
                        HttpStatus.NOT_FOUND, "Nothing is here: " + e.getHttpMethod() + " /" + e.getResourcePath()),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        ProblemDetail problem =
                Problems.forStatus(HttpStatus.BAD_REQUEST, "Parameter '" + name + "' has the wrong type or format.");
        problem.setProperty("errors", List.of(fieldError(name, "has the wrong type or format")));
        return problem(problem, headers);
    }

    /** Every other Spring exception: keep its status and detail, give it our type and title. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && isBlankType(problem)) {
            ProblemDetail generic = Problems.forStatus(status, problem.getDetail());
            problem.setType(generic.getType());
            problem.setTitle(generic.getTitle());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static boolean isBlankType(ProblemDetail problem) {
        return problem.getType() == null
                || "about:blank".equals(problem.getType().toString());
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String unreadableBodyDetail(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field '" + fieldPath(mapping) + "' " + mappingMessage(mapping) + ".";
        }
        if (cause instanceof JsonProcessingException) {
            return "The request body is not well-formed JSON.";
        }
        return "The request body is missing or cannot be read.";
    }

    private static String mappingMessage(JsonMappingException mapping) {
        return mapping instanceof UnrecognizedPropertyException
                ? "is not a known field"
                : "has the wrong type or format";
    }

    private static String fieldPath(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
