package io.auditflow.program;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramRepository extends JpaRepository<AuditProgram, Long> {

    Optional<AuditProgram> findByNameKey(String nameKey);

    List<AuditProgram> findAllByOrderByNameAsc();
}
