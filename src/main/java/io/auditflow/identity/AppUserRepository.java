package io.auditflow.identity;

import java.util.List;
import java.util.Optional;
import io.auditflow.security.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsernameIgnoreCase(String username);

    List<AppUser> findAllByOrderByUsernameAsc();

    @Query("select u from AppUser u join u.roles r where r = :role and u.enabled = true order by u.username")
    List<AppUser> findEnabledWithRole(Role role);
}
