package io.auditflow.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A SCIM client for the tests, sending what an identity provider sends. */
final class Scim {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final String authorization;

    Scim(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    Answer send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/scim/v2" + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        b.header("Accept", "application/scim+json");
        if (body != null) {
            b.header("Content-Type", "application/scim+json; charset=utf-8");
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    record Answer(int status, String contentType, JsonNode body) {
    }
}
