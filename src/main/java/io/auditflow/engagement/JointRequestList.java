package io.auditflow.engagement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.auditflow.common.ConflictException;
import io.auditflow.common.Phrase;
import io.auditflow.control.Catalogue;
import io.auditflow.control.Catalogues;
import io.auditflow.control.Crosswalk;
import io.auditflow.control.JointPlanning;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One deduplicated request list for a joint engagement (decision 0125): an engagement is joint when
 * its program has an accepted joint-planning proposal with a program of the other framework. Rows of
 * SOC 2 and ISO requests that ask for the same evidence ({@link RequestMerge}, through the SOC 2 /
 * ISO 27001 crosswalk) become one request; the manager sees the merge before it is applied, and the
 * import itself is the request list's own ({@link RequestService#importCsv}): all rows or none.
 */
@Service
public class JointRequestList {

    /** {@code reason} in English (the API's); {@code why} the same as a phrase for screens in the reader's language. */
    public record MergeRow(String reference, String soc2Reference, String isoReference, String criteria, String reason,
                           @JsonIgnore Phrase why) {
    }

    public record Preview(int rows, int requests, int merged, String summary, List<MergeRow> merges) {
    }

    public record JointImport(Preview preview, ImportResult result) {
    }

    /** One framework's share of a request list: requests naming its items, accepted ones, and those also counted for another framework. */
    public record FrameworkProgress(String framework, int total, int accepted, int shared) {
    }

    private final EngagementService engagements;
    private final RequestService requests;
    private final JointPlanning joint;
    private final Catalogues catalogues;

    JointRequestList(EngagementService engagements, RequestService requests, JointPlanning joint, Catalogues catalogues) {
        this.engagements = engagements;
        this.requests = requests;
        this.joint = joint;
        this.catalogues = catalogues;
    }

    /** Whether the engagement (visible to the caller) covers a joint audit. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public boolean isJoint(Long engagementId) {
        return joint.acceptedPartner(engagements.get(engagementId).programId()).isPresent();
    }

    /** What importing this CSV would do, changing nothing. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public Preview preview(Long engagementId, byte[] csv) {
        requireJointListWriter(engagementId);
        return preview(plan(csv));
    }

    /** Merges, then imports the merged list in one transaction (a bad row: nothing is stored). */
    @Transactional
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public JointImport importMerged(Long engagementId, byte[] csv) {
        requireJointListWriter(engagementId);
        RequestMerge.Plan plan = plan(csv);
        ImportResult result = requests.importCsv(engagementId, csv(plan.requests()));
        return new JointImport(preview(plan), result);
    }

    /**
     * Requests per framework, for the requests the caller may see: a merged request names SOC 2 and
     * ISO items, so it counts for both (answered and accepted once). Frameworks with no request are left out.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_WORK_OR_AUDIT)
    public List<FrameworkProgress> progressByFramework(Long engagementId) {
        List<Catalogue> frameworks = List.of(catalogues.catalogue("SOC2"), catalogues.catalogue("ISO27001"));
        int[][] counts = new int[frameworks.size()][3];
        for (AuditRequest r : requests.list(engagementId, null)) {
            Set<String> items = RequestMerge.items(r.criteria());
            boolean[] names = new boolean[frameworks.size()];
            int named = 0;
            for (int f = 0; f < frameworks.size(); f++) {
                names[f] = items.stream().anyMatch(frameworks.get(f)::contains);
                named += names[f] ? 1 : 0;
            }
            for (int f = 0; f < frameworks.size(); f++) {
                if (names[f]) {
                    counts[f][0]++;
                    counts[f][1] += r.status() == RequestStatus.ACCEPTED ? 1 : 0;
                    counts[f][2] += named > 1 ? 1 : 0;
                }
            }
        }
        List<FrameworkProgress> out = new java.util.ArrayList<>();
        for (int f = 0; f < frameworks.size(); f++) {
            if (counts[f][0] > 0) {
                out.add(new FrameworkProgress(frameworks.get(f).code(), counts[f][0], counts[f][1], counts[f][2]));
            }
        }
        return out;
    }

    private void requireJointListWriter(Long engagementId) {
        Engagement e = engagements.get(engagementId);
        if (!CurrentUser.canManage() && !engagements.actsAsAuditor(e)) {
            throw new AccessDeniedException("Only managers and the engagement's auditors change the request list");
        }
        if (joint.acceptedPartner(e.programId()).isEmpty()) {
            throw new ConflictException(e.name() + " is not a joint audit: its program has no accepted joint-planning proposal");
        }
    }

    private RequestMerge.Plan plan(byte[] csv) {
        List<RequestForm> rows = RequestCsv.parse(csv, engagements.settings());
        Catalogue soc2 = catalogues.catalogue("SOC2");
        Catalogue iso = catalogues.catalogue("ISO27001");
        Set<String> equivalent = new HashSet<>();
        for (Crosswalk.Mapping m : catalogues.crosswalk("SOC2", "ISO27001").mappings()) {
            if (m.relationship() == Crosswalk.Relationship.EQUIVALENT) {
                equivalent.add(m.from() + "|" + m.to());
            }
        }
        return RequestMerge.plan(rows, soc2::contains, iso::contains, (a, b) -> equivalent.contains(a + "|" + b));
    }

    private static Preview preview(RequestMerge.Plan plan) {
        return new Preview(plan.rows(), plan.requests().size(), plan.merges().size() * 2, plan.summary(),
                plan.merges().stream().map(m -> new MergeRow(m.request().reference(), m.soc2Reference(), m.isoReference(),
                        m.request().criteria(), m.reason(), m.why())).toList());
    }

    /** The merged list in the import's own format, so the request list's checks and all-or-nothing apply unchanged. */
    private static byte[] csv(List<RequestForm> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord("reference", "request", "criteria", "due date", "owner hint");
            for (RequestForm r : rows) {
                printer.printRecord(r.reference(), r.text(), r.criteria(), r.dueDate() == null ? "" : r.dueDate().toString(),
                        r.ownerHint() == null ? "" : r.ownerHint());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
