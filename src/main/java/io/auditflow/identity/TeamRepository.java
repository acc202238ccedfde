package io.auditflow.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findByCodeIgnoreCase(String code);

    List<Team> findAllByOrderByNameAsc();

    @Query("select t from Team t join t.members m where m.username = :username order by t.name")
    List<Team> findByMember(String username);

    /** Makes the user a member of exactly these teams (codes, any case); the one place memberships change. */
    default void setMemberships(AppUser user, java.util.Set<String> teamCodes) {
        for (Team team : findAll()) {
            boolean wanted = teamCodes.stream().anyMatch(c -> c.equalsIgnoreCase(team.getCode()));
            boolean member = team.getMembers().stream().anyMatch(m -> m.getUsername().equals(user.getUsername()));
            if (wanted && !member) {
                team.getMembers().add(user);
            } else if (!wanted && member) {
                team.getMembers().removeIf(m -> m.getUsername().equals(user.getUsername()));
            }
        }
        flush();
    }
}
