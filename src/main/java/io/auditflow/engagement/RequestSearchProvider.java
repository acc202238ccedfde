package io.auditflow.engagement;

import io.auditflow.common.NotFoundException;
import io.auditflow.search.SearchHit;
import io.auditflow.search.SearchKind;
import io.auditflow.search.SearchProvider;
import io.auditflow.search.SearchQuery;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit requests by reference or text for the global search. Candidates come from one query over the
 * engagements the caller may see ({@link EngagementService#list}); each is then checked by {@link RequestService#get} (managers all, members their teams' requests,
 * auditors their engagements' while access lasts), so the rule stays the request feature's own.
 */
@Component
class RequestSearchProvider implements SearchProvider {

    private static final int CANDIDATES = 200;

    private final JdbcClient jdbc;
    private final RequestService requests;
    private final EngagementService engagements;

    RequestSearchProvider(JdbcClient jdbc, RequestService requests, EngagementService engagements) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.engagements = engagements;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.REQUEST;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SearchHit> search(SearchQuery query, int limit) {
        if (!CurrentUser.canManage() && !CurrentUser.hasRole(Role.COMPLIANCE_MEMBER) && !CurrentUser.hasRole(Role.AUDITOR)) {
            return List.of();
        }
        // managers see every engagement; anyone else only the engagements the engagement feature shows them
        List<Long> visible = CurrentUser.canManage() ? null : engagements.list().stream().map(Engagement::id).toList();
        if (visible != null && visible.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("select id from engagement_request where (lower(reference) like :q escape '\\'"
                        + " or lower(request_text) like :q escape '\\')"
                        + (visible == null ? "" : " and engagement_id in (:visible)")
                        + " order by engagement_id desc, reference fetch first " + CANDIDATES + " rows only")
                .param("q", query.likePattern()).param("visible", visible == null ? List.of(-1L) : visible)
                .query(Long.class).list();
        List<SearchHit> hits = new ArrayList<>();
        for (Long id : ids) {
            if (hits.size() >= limit) {
                break;
            }
            try {
                AuditRequest r = requests.get(id);
                Engagement e = requests.engagementOf(id);
                hits.add(new SearchHit(SearchKind.REQUEST, r.reference() + " · " + shorten(r.text()),
                        e.name() + " · " + r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        "engagements/requests/" + r.id()));
            } catch (NotFoundException hidden) {
                // not the caller's: leave it out
            }
        }
        return hits;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 80 ? one : one.substring(0, 79) + "…";
    }
}
