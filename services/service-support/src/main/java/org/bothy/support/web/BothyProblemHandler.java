package org.bothy.support.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.bothy.kernel.codes.UnknownCodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers every refused request as {@code application/problem+json} (RFC 9457) with a {@code type} under
 * {@code https://bothy.org/problems/}; a refused field is named in {@code errors: [{field, reason}]}. Values a caller
 * sent are never echoed or logged: they may be personal data.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class BothyProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(BothyProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(fieldProblems(ex.getBindingResult(), null), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                problems.addAll(fieldProblems(errors, null));
            } else {
                String name = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    problems.add(new FieldProblem(name == null ? "parameter" : name, error.getDefaultMessage()));
                }
            }
        }
        return invalid(problems, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem problem = UnreadableBody.explain(ex);
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, ProblemTypes.UNREADABLE_REQUEST, "Unreadable request",
                "The request body could not be read: " + problem.field() + " " + problem.reason() + ".");
        body.setProperty("errors", List.of(problem));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A path variable or request parameter of the wrong type (e.g. a malformed id). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        Class<?> required = ex.getRequiredType();
        String reason = required == null ? "has the wrong type" : UnreadableBody.expected(required);
        return invalid(List.of(new FieldProblem(name == null ? "parameter" : name, reason)), headers, request);
    }

    @ExceptionHandler(InvalidField.class)
    public ResponseEntity<Object> invalidField(InvalidField ex, WebRequest request) {
        return invalid(ex.problems(), new HttpHeaders(), request);
    }

    /** A code refused outside any field a service named: reported against the kind of code it was meant to be. */
    @ExceptionHandler(UnknownCodeException.class)
    public ResponseEntity<Object> unknownCode(UnknownCodeException ex, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, ProblemTypes.UNKNOWN_CODE, "Unknown code", ex.getMessage());
        body.setProperty("errors", List.of(new FieldProblem(ex.kind(), ex.getMessage())));
        body.setProperty("validCodes", ex.validCodes());
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            problems.add(new FieldProblem(propertyPath(violation.getPropertyPath()), violation.getMessage()));
        }
        return invalid(problems, new HttpHeaders(), request);
    }

    @ExceptionHandler(NotFound.class)
    public ResponseEntity<Object> notFound(NotFound ex, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", ex.getMessage());
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(Conflict.class)
    public ResponseEntity<Object> conflict(Conflict ex, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", ex.getMessage());
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** {@code @PreAuthorize} refusals raised inside a controller: the same 403 the filter chain gives. */
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "Your role or organisation does not allow this.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    /** Anything unexpected: 500 without internals; logged by type and place only, never with the request body. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof org.springframework.web.ErrorResponse
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            throw ex;
        }
        // Type and place only: an exception's message can quote what was sent (a name, a note) and logs must not.
        StackTraceElement where = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
        log.error("Unexpected {} at {} handling {}", ex.getClass().getName(), where, request.getDescription(false));
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "Something went wrong on our side; nothing you sent has been logged.");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            // Spring's own problems (405, 415, ...) get a Bothy type too, so clients can switch on one scheme.
            problem.setType(URI.create(ProblemTypes.HTTP + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> problems, HttpHeaders headers, WebRequest request) {
        List<FieldProblem> sorted = problems.stream()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason))
                .toList();
        String detail = sorted.size() == 1
                ? sorted.get(0).field() + " " + sorted.get(0).reason()
                : sorted.size() + " fields are invalid";
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", detail);
        body.setProperty("errors", sorted);
        return handleExceptionInternal(new InvalidField(sorted), body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static List<FieldProblem> fieldProblems(org.springframework.validation.Errors errors, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        String root = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        for (FieldError error : errors.getFieldErrors()) {
            problems.add(new FieldProblem(root + error.getField(), reason(error)));
        }
        errors.getGlobalErrors().forEach(error -> problems.add(new FieldProblem(
                root.isEmpty() ? error.getObjectName() : prefix, String.valueOf(error.getDefaultMessage()))));
        return problems;
    }

    private static String reason(FieldError error) {
        if (error.isBindingFailure()) {
            return "has the wrong type";
        }
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** The field path of a violation, without the method and parameter nodes method validation puts in front. */
    private static String propertyPath(jakarta.validation.Path path) {
        StringBuilder field = new StringBuilder();
        for (jakarta.validation.Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> {
                    continue;
                }
                default -> {
                }
            }
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? path.toString() : field.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        return problem;
    }
}
