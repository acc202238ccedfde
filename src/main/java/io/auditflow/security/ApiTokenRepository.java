package io.auditflow.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUsernameOrderByCreatedAtDesc(String username);

    long countByUsername(String username);

    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id")
    int markUsed(Long id, Instant at);

    @Modifying
    @Query("delete from ApiToken t where t.id = :id and t.username = :username")
    int deleteOwn(Long id, String username);

    @Modifying
    @Query("delete from ApiToken t where t.username = :username")
    int deleteAllOf(String username);
}
