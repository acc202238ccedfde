package io.auditflow.identity;

import io.auditflow.security.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A person who signs in. Passwords are stored as BCrypt hashes only. */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private boolean enabled = true;

    /** Base32 TOTP secret; only used while {@link #totpEnabled} is set. */
    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    /** Managed by the company's identity provider (OpenID Connect sign-in or SCIM), not by an admin. */
    private boolean external;

    /** The provider's {@code sub} once this user has signed in through it; later sign-ins must match. */
    @Column(name = "sso_subject")
    private String ssoSubject;

    @Column(name = "scim_external_id")
    private String scimExternalId;

    /** Deleted through SCIM: kept (tasks and the audit trail name it) but disabled and hidden from SCIM. */
    private boolean deprovisioned;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected AppUser() {
    }

    AppUser(String username, String displayName, String email, String passwordHash, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    String getTotpSecret() {
        return totpEnabled ? totpSecret : null;
    }

    void setTotp(String secret) {
        this.totpSecret = secret;
        this.totpEnabled = secret != null;
    }

    boolean isExternal() {
        return external;
    }

    void setExternal(boolean external) {
        this.external = external;
    }

    String getSsoSubject() {
        return ssoSubject;
    }

    void setSsoSubject(String ssoSubject) {
        this.ssoSubject = ssoSubject;
    }

    String getScimExternalId() {
        return scimExternalId;
    }

    void setScimExternalId(String scimExternalId) {
        this.scimExternalId = scimExternalId;
    }

    boolean isDeprovisioned() {
        return deprovisioned;
    }

    void setDeprovisioned(boolean deprovisioned) {
        this.deprovisioned = deprovisioned;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }
}
