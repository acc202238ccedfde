package io.auditflow.identity;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: change the password with the current one. */
@RestController
@RequestMapping("/api/me")
class AccountController {

    private final UserService users;

    AccountController(UserService users) {
        this.users = users;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
        users.changeOwnPassword(change.currentPassword(), change.newPassword(), null);
        return ResponseEntity.noContent().build();
    }
}
