package io.auditflow.sso;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins make (or replace) and revoke the identity provider's SCIM token. */
@RestController
@RequestMapping("/api/admin/scim-token")
class ScimTokenController {

    private final ScimTokenService tokens;

    ScimTokenController(ScimTokenService tokens) {
        this.tokens = tokens;
    }

    /** The answer carries the token once; give it to the provider's provisioning settings. */
    @PostMapping
    ResponseEntity<Map<String, String>> create() {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", tokens.create()));
    }

    @DeleteMapping
    ResponseEntity<Void> revoke() {
        tokens.revoke();
        return ResponseEntity.noContent().build();
    }
}
