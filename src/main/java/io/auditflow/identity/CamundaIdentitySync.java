package io.auditflow.identity;

import io.auditflow.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Mirrors users and teams into Camunda's identity tables: teams become candidate groups, admins
 * join {@code camunda-admin} so Cockpit and Admin open for them. Auditflow stays the source of truth.
 */
@Component
class CamundaIdentitySync {

    static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    private final IdentityService identity;

    CamundaIdentitySync(IdentityService identity) {
        this.identity = identity;
    }

    void syncTeam(String code, String name) {
        Group group = identity.createGroupQuery().groupId(code).singleResult();
        if (group == null) {
            group = identity.newGroup(code);
            group.setType("WORKFLOW");
        }
        group.setName(name);
        identity.saveGroup(group);
    }

    void syncUser(AppUser user, List<String> teamCodes) {
        User camundaUser = identity.createUserQuery().userId(user.getUsername()).singleResult();
        if (camundaUser == null) {
            camundaUser = identity.newUser(user.getUsername());
            // Nobody signs in to Camunda directly: the password is random and never shown.
            camundaUser.setPassword(UUID.randomUUID().toString());
        }
        String[] names = user.getDisplayName().split(" ", 2);
        camundaUser.setFirstName(names[0]);
        camundaUser.setLastName(names.length > 1 ? names[1] : "");
        camundaUser.setEmail(user.getEmail());
        identity.saveUser(camundaUser);

        List<String> wanted = new ArrayList<>(teamCodes);
        if (user.getRoles().contains(Role.ADMIN)) {
            ensureAdminGroup();
            wanted.add(CAMUNDA_ADMIN_GROUP);
        }
        List<String> current = identity.createGroupQuery().groupMember(user.getUsername()).list().stream()
                .map(Group::getId).toList();
        for (String groupId : current) {
            if (!wanted.contains(groupId)) {
                identity.deleteMembership(user.getUsername(), groupId);
            }
        }
        for (String groupId : wanted) {
            if (!current.contains(groupId)) {
                identity.createMembership(user.getUsername(), groupId);
            }
        }
    }

    private void ensureAdminGroup() {
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN_GROUP).singleResult() == null) {
            Group group = identity.newGroup(CAMUNDA_ADMIN_GROUP);
            group.setName("Camunda administrators");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
    }
}
