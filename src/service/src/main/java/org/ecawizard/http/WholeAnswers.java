package org.ecawizard.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The API's answers go out with a Content-Length, written at once, rather than chunked. A chunked answer ends
 * with a last chunk written on its own: a replica killed between the two leaves its caller a 200 with no end,
 * which a load balancer cannot retry because the answer has begun. Answers are a few KiB, so holding one whole
 * costs little.
 */
@Component
class WholeAnswers extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, whole);
        } finally {
            whole.copyBodyToResponse();
        }
    }
}
