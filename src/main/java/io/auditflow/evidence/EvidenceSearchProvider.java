package io.auditflow.evidence;

import io.auditflow.identity.UserService;
import io.auditflow.search.SearchHit;
import io.auditflow.search.SearchKind;
import io.auditflow.search.SearchProvider;
import io.auditflow.search.SearchQuery;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files by file name for the global search, with the evidence feature's own rules: managers
 * all, members the evidence of their teams' programs (as {@link EvidenceService#ofProgram}), auditors
 * exactly the pieces an {@link EvidenceReadGrant} opens to them (their engagements' requests), never
 * other programs' evidence. Executives find none.
 */
@Component
class EvidenceSearchProvider implements SearchProvider {

    /** Candidates an auditor's grants are asked about, all at once (a few queries): the newest 500 matching files. */
    private static final int AUDITOR_CANDIDATES = 500;

    private final JdbcTemplate jdbc;
    private final UserService users;
    private final ObjectProvider<EvidenceReadGrant> grants;

    EvidenceSearchProvider(JdbcTemplate jdbc, UserService users, ObjectProvider<EvidenceReadGrant> grants) {
        this.jdbc = jdbc;
        this.users = users;
        this.grants = grants;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.EVIDENCE;
    }

    private record Row(long id, String taskId, String fileName, String taskName, String programName, LocalDate date) {
    }

    @Override
    @Transactional(readOnly = true)
    public List<SearchHit> search(SearchQuery query, int limit) {
        String me = CurrentUser.username().orElse(null);
        if (me == null) {
            return List.of();
        }
        String select = "select e.id, e.task_id, e.file_name, e.task_name, p.name, e.evidence_date from evidence e"
                + " left join audit_program p on p.id = e.program_id left join team t on t.id = p.team_id where lower(e.file_name) like ? escape '\\'";
        String order = " order by e.uploaded_at desc, e.id desc";
        if (CurrentUser.canManage()) {
            return hits(jdbc.query(select + order + " fetch first " + limit + " rows only", this::row, query.likePattern()), false);
        }
        if (CurrentUser.hasRole(Role.COMPLIANCE_MEMBER)) {
            List<String> teams = users.teamCodesOf(me);
            if (teams.isEmpty()) {
                return List.of();
            }
            List<Object> args = new ArrayList<>();
            args.add(query.likePattern());
            args.addAll(teams);
            return hits(jdbc.query(select + " and t.code in (" + String.join(",", teams.stream().map(t -> "?").toList()) + ")"
                    + order + " fetch first " + limit + " rows only", this::row, args.toArray()), false);
        }
        if (CurrentUser.hasRole(Role.AUDITOR)) {
            List<Row> candidates = jdbc.query(select + order + " fetch first " + AUDITOR_CANDIDATES + " rows only", this::row,
                    query.likePattern());
            List<Long> ids = candidates.stream().map(Row::id).toList();
            Set<Long> readable = new HashSet<>();
            grants.orderedStream().forEach(g -> readable.addAll(g.readable(me, ids)));
            return hits(candidates.stream().filter(r -> readable.contains(r.id())).limit(limit).toList(), true);
        }
        return List.of();
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class));
    }

    /** Team members open the task the file was given on; auditors the file itself (they have no task pages). */
    private static List<SearchHit> hits(List<Row> rows, boolean auditor) {
        return rows.stream().map(r -> new SearchHit(SearchKind.EVIDENCE, r.fileName(),
                (r.programName() == null ? "" : r.programName() + " · ") + r.taskName() + " · " + r.date(),
                auditor ? "api/evidence/" + r.id() + "/content" : "inbox/task/" + r.taskId())).toList();
    }
}
