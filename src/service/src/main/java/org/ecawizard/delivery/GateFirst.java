package org.ecawizard.delivery;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a candidate ruleset is in the gate, at most {@code eca.rules.requests-while-checking} requests to
 * {@code /api/} are answered at once (1 by default; 0 for no limit), the others wait their turn, and none waits past
 * the gate's verdict. On a loaded replica the gate's threads otherwise get a sliver of the cores among the request
 * threads; in FleetIT each replica's gate took 10-24 s with the limit against 23-32 s without (BENCHMARKS.md).
 * The ruleset in service answers throughout. After the observation filter, so that the time an answer waits here
 * is in its request's metrics.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class GateFirst extends OncePerRequestFilter {

    /** How often a waiting request looks again whether the gate has given its verdict. */
    private static final long RECHECK_MS = 20;

    private final BooleanSupplier checking;
    private final Semaphore whileChecking;

    @Autowired
    GateFirst(RulesetService rulesets) {
        this(() -> rulesets.rules().checking(), rulesets.properties().requestsWhileChecking());
    }

    /**
     * @param checking whether a candidate is in the gate now
     * @param limit    the most requests answered at once meanwhile; 0 for no limit
     */
    GateFirst(BooleanSupplier checking, int limit) {
        this.checking = limit == 0 ? () -> false : checking;
        this.whileChecking = new Semaphore(Math.max(limit, 1));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        while (checking.getAsBoolean()) {
            boolean admitted;
            try {
                admitted = whileChecking.tryAcquire(RECHECK_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (admitted) {
                try {
                    chain.doFilter(request, response);
                } finally {
                    whileChecking.release();
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
