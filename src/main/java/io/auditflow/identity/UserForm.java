package io.auditflow.identity;

import io.auditflow.security.Role;
import java.util.LinkedHashSet;
import java.util.Set;

/** What an admin enters to create or change a user; the password is only used on creation. */
public class UserForm {

    private String username = "";
    private String displayName = "";
    private String email = "";
    private String password = "";
    private Set<Role> roles = new LinkedHashSet<>();
    private Set<String> teams = new LinkedHashSet<>();

    public UserForm() {
    }

    public UserForm(String username, String displayName, String email, String password, Set<Role> roles,
                    Set<String> teams) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.password = password;
        this.roles = new LinkedHashSet<>(roles);
        this.teams = new LinkedHashSet<>(teams);
    }

    public static UserForm of(UserSummary user) {
        return new UserForm(user.username(), user.displayName(), user.email() == null ? "" : user.email(), "",
                user.roles(), new LinkedHashSet<>(user.teams()));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? new LinkedHashSet<>() : new LinkedHashSet<>(roles);
    }

    public Set<String> getTeams() {
        return teams;
    }

    public void setTeams(Set<String> teams) {
        this.teams = teams == null ? new LinkedHashSet<>() : new LinkedHashSet<>(teams);
    }
}
