package org.ecawizard.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** While a candidate is in the gate, requests are answered a few at a time; otherwise all at once. */
class GateFirstTest {

    private static final int REQUESTS = 4;

    private final ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    /** Sends the requests side by side; each stays in the chain until all are in or a moment has passed. */
    private int mostAtOnce(GateFirst filter) throws Exception {
        return mostAtOnce(filter, "/api/recommendations");
    }

    private int mostAtOnce(GateFirst filter, String path) throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch allIn = new CountDownLatch(REQUESTS);
        FilterChain chain = (request, response) -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            allIn.countDown();
            try {
                allIn.await(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
        };
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            sent.add(clients.submit(() -> {
                filter.doFilter(new MockHttpServletRequest("POST", path), new MockHttpServletResponse(), chain);
                return null;
            }));
        }
        for (Future<?> request : sent) {
            request.get(10, TimeUnit.SECONDS);
        }
        return most.get();
    }

    @Test
    void whileTheGateChecksACandidateOneRequestIsAnsweredAtATime() throws Exception {
        assertThat(mostAtOnce(new GateFirst(() -> true, 1))).isEqualTo(1);
    }

    @Test
    void otherwiseOrWithNoLimitOrOffTheApiEveryRequestIsAnsweredAtOnce() throws Exception {
        assertThat(mostAtOnce(new GateFirst(() -> false, 1))).isEqualTo(REQUESTS);
        assertThat(mostAtOnce(new GateFirst(() -> true, 0))).isEqualTo(REQUESTS);
        assertThat(mostAtOnce(new GateFirst(() -> true, 1), "/index.html")).isEqualTo(REQUESTS);
    }

    @Test
    void aRequestWaitingWhenTheGateGivesItsVerdictGoesThroughAtOnce() throws Exception {
        AtomicBoolean checking = new AtomicBoolean(true);
        GateFirst filter = new GateFirst(checking::get, 1);
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondIn = new CountDownLatch(1);
        Future<?> first = clients.submit(() -> {
            filter.doFilter(new MockHttpServletRequest("POST", "/api/recommendations"), new MockHttpServletResponse(),
                    (request, response) -> {
                        firstIn.countDown();
                        await(release);
                    });
            return null;
        });
        assertThat(firstIn.await(5, TimeUnit.SECONDS)).isTrue();
        Future<?> second = clients.submit(() -> {
            filter.doFilter(new MockHttpServletRequest("POST", "/api/recommendations"), new MockHttpServletResponse(),
                    (request, response) -> secondIn.countDown());
            return null;
        });

        assertThat(secondIn.await(200, TimeUnit.MILLISECONDS)).as("waits its turn while the gate runs").isFalse();
        checking.set(false);
        assertThat(secondIn.await(5, TimeUnit.SECONDS)).as("through once the gate is done, the first still in")
                .isTrue();
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> new RulesetProperties(Path.of("rules"), 1000, true, Duration.ZERO, Duration.ZERO, -1))
                .hasMessageContaining("at least 0");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
