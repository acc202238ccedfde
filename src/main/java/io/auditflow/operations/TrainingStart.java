package io.auditflow.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The training start of {@code deploy/run.sh} (decision 0149, 0180): with {@code -Dauditflow.cds.training-start=true}
 * the app starts as usual, runs its start-up runners, answers its own health check and sign-in page once (so the
 * classes of a first request are loaded too), then stops cleanly; the JVM writes its class archive on that exit.
 * It listens on a free port of its own, never the configured one, so no load balancer or health probe mistakes it
 * for the node that starts after it. Off in every normal start.
 */
@Component
@ConditionalOnProperty(name = "auditflow.cds.training-start", havingValue = "true")
class TrainingStart implements ApplicationListener<ApplicationReadyEvent>,
        WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TrainingStart.class);

    /** After Spring Boot's own customizer, which applies server.port. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        factory.setPort(0);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread stop = new Thread(() -> {
            if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
                askOnce(web.getWebServer().getPort(), "/actuator/health");
                askOnce(web.getWebServer().getPort(), "/login");
            }
            log.info("Training start done: stopping so that the JVM writes its class archive");
            System.exit(SpringApplication.exit(event.getApplicationContext()));
        }, "cds-training-stop");
        stop.start();
    }

    private static void askOnce(int port, String path) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            // only warms classes up; a failed request costs archive coverage, never the start
            log.info("Training request {} failed: {}", path, e.toString());
        }
    }
}
