package io.auditflow.program;

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

/** One compliance commitment: a framework, its scope, an owner and a team. */
@Entity
@Table(name = "audit_program")
class AuditProgram {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    /** Lower-cased, trimmed name: the unique key, so "Acme SOC 2" and "acme soc 2 " clash. */
    @Column(name = "name_key", nullable = false, unique = true)
    private String nameKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Framework framework;

    private String scope;

    @Column(name = "iso_edition")
    private String isoEdition;

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(name = "team_id", nullable = false)
    private Long teamId;

    private boolean archived;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "audit_program_criteria", joinColumns = @JoinColumn(name = "program_id"))
    @Column(name = "category")
    @Enumerated(EnumType.STRING)
    private Set<TrustCategory> criteria = new HashSet<>();

    protected AuditProgram() {
    }

    AuditProgram(Instant createdAt) {
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
        this.nameKey = key(name);
    }

    static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
    }

    Framework getFramework() {
        return framework;
    }

    void setFramework(Framework framework) {
        this.framework = framework;
    }

    String getScope() {
        return scope;
    }

    void setScope(String scope) {
        this.scope = scope;
    }

    String getIsoEdition() {
        return isoEdition;
    }

    void setIsoEdition(String isoEdition) {
        this.isoEdition = isoEdition;
    }

    Long getOwnerId() {
        return ownerId;
    }

    void setOwnerId(Long ownerId) {
        this.ownerId = ownerId;
    }

    Long getTeamId() {
        return teamId;
    }

    void setTeamId(Long teamId) {
        this.teamId = teamId;
    }

    boolean isArchived() {
        return archived;
    }

    void setArchived(boolean archived) {
        this.archived = archived;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    Set<TrustCategory> getCriteria() {
        return criteria.isEmpty() ? EnumSet.noneOf(TrustCategory.class) : EnumSet.copyOf(criteria);
    }

    void setCriteria(Set<TrustCategory> criteria) {
        this.criteria.clear();
        this.criteria.addAll(criteria);
    }
}
