package org.ecawizard.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Import into a MockMvc test to check every exchange it makes against the OpenAPI document the same application
 * serves ({@link Contract}).
 */
@TestConfiguration
public class ContractCheck {

    private static final String DOCUMENT = "/v3/api-docs";

    @Bean
    MockMvcBuilderCustomizer checkEveryExchangeAgainstTheContract() {
        return builder -> builder.alwaysDo(ContractCheck::check);
    }

    private static void check(MvcResult result) throws Exception {
        MockHttpServletRequest request = result.getRequest();
        if (request.getRequestURI().startsWith(DOCUMENT)) {
            return;
        }
        MockMvc mvc = WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
                .getBean(MockMvc.class);
        String document = mvc.perform(MockMvcRequestBuilders.get(DOCUMENT)).andReturn().getResponse()
                .getContentAsString();
        MockHttpServletResponse response = result.getResponse();
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (request.getQueryString() != null && request.getQueryString().contains(name + "=")) {
                query.put(name, Arrays.asList(values));
            }
        });
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getHeaderNames().forEach(name -> headers.put(name, response.getHeaders(name)));
        Contract.of(document).check(new Contract.Exchange(request.getMethod(), request.getRequestURI(), query,
                request.getContentType(), request.getContentAsByteArray(), response.getStatus(),
                response.getContentType(), response.getContentAsByteArray(),
                headers.isEmpty() ? Collections.emptyMap() : headers));
    }
}
