package org.bothy.support.security;

import jakarta.servlet.http.HttpServletResponse;
import org.bothy.support.web.ProblemTypes;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers 401 and 403 from the security filters as {@code application/problem+json}. The body never repeats what was
 * wrong with a token, so that a caller learns nothing about how tokens are checked.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException cause) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, 401, ProblemTypes.UNAUTHENTICATED, "Unauthorized",
                "A valid bearer token is required.", request.getRequestURI());
    }

    @Override
    public void handle(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException cause) throws IOException {
        write(response, 403, ProblemTypes.FORBIDDEN, "Forbidden",
                "Your role or organisation does not allow this.", request.getRequestURI());
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail,
                              String instance) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":" + quote(type) + ",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(instance) + "}");
        response.getWriter().flush();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
