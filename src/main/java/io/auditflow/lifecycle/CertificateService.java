package io.auditflow.lifecycle;

import io.auditflow.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The state of each ISO/IEC 27001 program's certificate (one row per program). */
@Service
@Transactional
public class CertificateService {

    /** The current certificate of a program. */
    public record Certificate(Long programId, CertificateState state, int cycle, LocalDate decisionDate,
                              LocalDate expiryDate, String note) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CertificateService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Certificate> find(Long programId) {
        return jdbc.sql("select program_id, state, cycle, decision_date, expiry_date, note from certificate where program_id = ?")
                .param(programId)
                .query((rs, i) -> new Certificate(rs.getLong(1), CertificateState.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6)))
                .optional();
    }

    /** Records a newly issued (or onboarded) certificate. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Certificate issue(Long programId, int cycle, LocalDate decision, LocalDate expiry, String note) {
        if (find(programId).isPresent()) {
            jdbc.sql("update certificate set state = ?, cycle = ?, decision_date = ?, expiry_date = ?, note = ?, updated_at = ? "
                            + "where program_id = ?")
                    .params(CertificateState.VALID.name(), cycle, decision, expiry, note, Timestamp.from(clock.instant()),
                            programId).update();
        } else {
            jdbc.sql("insert into certificate (program_id, state, cycle, decision_date, expiry_date, note, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(programId, CertificateState.VALID.name(), cycle, decision, expiry, note,
                            Timestamp.from(clock.instant())).update();
        }
        return find(programId).orElseThrow();
    }

    /** Moves the certificate to another state; does nothing when the program has no certificate. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Optional<Certificate> setState(Long programId, CertificateState state, String note) {
        jdbc.sql("update certificate set state = ?, note = ?, updated_at = ? where program_id = ?")
                .params(state.name(), note, Timestamp.from(clock.instant()), programId).update();
        return find(programId);
    }
}
