package org.ecawizard.bare;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The baseline of the start-up benchmark: Spring Boot with the same starters, answering the same POST trivially. */
@SpringBootApplication
@RestController
public class BareApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    /** Echoes the selection: what a service costs to start before it knows any policy. */
    @PostMapping("/api/recommendations")
    Map<String, List<String>> recommend(@RequestBody Map<String, List<String>> request) {
        return Map.of("agencies", request.getOrDefault("agencies", List.of()));
    }
}
