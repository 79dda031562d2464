package com.partnerworkspace.system.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerworkspace.system.Problems;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers before the application sees the request, e.g. a request line or headers longer
 * than the server reads (an over-long value in a query parameter or path variable), as problem+json
 * rather than Tomcat's HTML page. Runs after Spring Boot's customizer, so this report valve sits behind
 * Boot's in the host's pipeline and reports first.
 */
@Component
class ContainerErrorsAsProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    static final String DETAIL =
            "The request could not be read: its request line or headers are malformed or too large.";

    private final ObjectMapper json;

    ContainerErrorsAsProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(
                context -> context.getParent().getPipeline().addValve(new ProblemReport(json)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static final class ProblemReport extends ErrorReportValve {

        private final ObjectMapper json;

        ProblemReport(ObjectMapper json) {
            this.json = json;
        }

        /** Only an error nothing has answered yet (the application's own errors have a body already). */
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                String body = json.writeValueAsString(Problems.forStatus(HttpStatusCode.valueOf(status), DETAIL));
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the answer is committed: nothing more to say.
            }
        }
    }
}
