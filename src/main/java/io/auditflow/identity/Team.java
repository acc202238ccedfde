package io.auditflow.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;

/** A group of people who share work; its code is the Camunda candidate group of its tasks. */
@Entity
@Table(name = "team")
class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "manager_id")
    private AppUser manager;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "team_member", joinColumns = @JoinColumn(name = "team_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<AppUser> members = new HashSet<>();

    @Version
    private long version;

    /** Created and kept by SCIM provisioning (a group of the identity provider). */
    private boolean external;

    @Column(name = "scim_external_id")
    private String scimExternalId;

    protected Team() {
    }

    Team(String code, String name) {
        this.code = code;
        this.name = name;
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    AppUser getManager() {
        return manager;
    }

    void setManager(AppUser manager) {
        this.manager = manager;
    }

    boolean isExternal() {
        return external;
    }

    void setExternal(boolean external) {
        this.external = external;
    }

    String getScimExternalId() {
        return scimExternalId;
    }

    void setScimExternalId(String scimExternalId) {
        this.scimExternalId = scimExternalId;
    }

    Set<AppUser> getMembers() {
        return members;
    }
}
