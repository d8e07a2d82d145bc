package org.ecawizard.delivery;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a candidate ruleset is in the gate, at most {@code eca.rules.requests-while-checking} requests (1 by default;
 * 0 for no limit) are answered at once, the others wait their turn: on a loaded replica the gate's threads would
 * otherwise get a sliver of the cores among the request threads, and a change would take half a minute to arrive
 * (FleetIT). The ruleset in service answers throughout; the gate takes about a second of the cores' time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class GateFirst extends OncePerRequestFilter {

    private final BooleanSupplier checking;
    private final Semaphore whileChecking;

    @Autowired
    GateFirst(RulesetService rulesets, @Value("${eca.rules.requests-while-checking:1}") int limit) {
        this(() -> rulesets.rules().checking(), limit);
    }

    /**
     * @param checking whether a candidate is in the gate now
     * @param limit    the most requests answered at once meanwhile; 0 for no limit
     */
    GateFirst(BooleanSupplier checking, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("eca.rules.requests-while-checking is at least 0, not " + limit);
        }
        this.checking = limit == 0 ? () -> false : checking;
        this.whileChecking = new Semaphore(Math.max(limit, 1));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!checking.getAsBoolean()) {
            chain.doFilter(request, response);
            return;
        }
        whileChecking.acquireUninterruptibly();
        try {
            chain.doFilter(request, response);
        } finally {
            whileChecking.release();
        }
    }
}
