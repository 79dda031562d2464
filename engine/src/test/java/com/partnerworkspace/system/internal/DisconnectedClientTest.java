package com.partnerworkspace.system.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.partnerworkspace.testsupport.LogCapture;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A browser that leaves while an answer is written (a page navigated away during a download, as every
 * journey does) is no incident: nothing is logged as an error and nothing is written. Anything else
 * unexpected still is. No engine, no Spring context: the {@code ApiProblems} advice over one controller.
 */
class DisconnectedClientTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiProblems())
            .build();

    @RestController
    static class Failing {

        @GetMapping("/gone")
        String gone() throws IOException {
            throw new ClientAbortException(new IOException("Broken pipe"));
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("a real fault");
        }
    }

    @Test
    void aClientThatWentAwayIsNoIncident() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            mvc.perform(get("/gone")).andExpect(content().string(""));

            assertThat(log.messages()).noneMatch(message -> message.contains("Unexpected error"));
        }
    }

    @Test
    void aRealFaultStillIsOne() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            mvc.perform(get("/broken"))
                    .andExpect(status().isInternalServerError())
                    .andExpect(jsonPath("$.incident").isNotEmpty());

            assertThat(log.messages()).anyMatch(message -> message.contains("Unexpected error, incident"));
        }
    }
}
