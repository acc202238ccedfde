package io.auditflow.security;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own personal API tokens. */
@RestController
@RequestMapping("/api/me/tokens")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    List<ApiTokenSummary> list() {
        return tokens.mine();
    }

    /** The answer carries the secret once; it cannot be read again. */
    @PostMapping
    ResponseEntity<CreatedApiToken> create(@RequestBody ApiTokenRequest request) {
        CreatedApiToken created = tokens.create(request.name(), request.expiresOn());
        return ResponseEntity.created(URI.create("/api/me/tokens/" + created.details().id())).body(created);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable Long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
