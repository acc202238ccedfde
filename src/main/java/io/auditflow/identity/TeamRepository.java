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
}
