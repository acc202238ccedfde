package io.auditflow.engagement;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.control.Soa;
import io.auditflow.control.SoaExport;
import io.auditflow.control.SoaService;
import io.auditflow.program.Framework;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Statement of Applicability in force goes into the audit binder of every engagement on an ISO
 * 27001 program (issue 12, item 5), as CSV and PDF, through the binder's extension point. It lives
 * here because engagement already reads control (the crosswalk for joint request lists); control
 * must not read engagement back (no cycle). The binder has already let the caller in (a
 * manager or an active auditor of this engagement); auditors cannot read SoAs directly, so the
 * version in force of this one program is read with system rights, and nothing else.
 */
@Component
class SoaBinderDocuments implements BinderDocuments {

    static final String TITLE = "Statement of Applicability";

    private final SoaService soas;
    private final Clock clock;

    SoaBinderDocuments(SoaService soas, Clock clock) {
        this.soas = soas;
        this.clock = clock;
    }

    @Override
    public Optional<Section> section(Engagement engagement) {
        if (engagement.framework() != Framework.ISO27001) {
            return Optional.empty();
        }
        Optional<Soa> inForce = SystemAuthentication.call(() -> soas.inForce(engagement.programId()));
        if (inForce.isEmpty()) {
            return Optional.of(new Section(TITLE, List.of(),
                    "No version of the Statement of Applicability is approved for this program, so none is in force."));
        }
        Soa soa = inForce.get();
        String what = "SoA version " + soa.versionNo() + ", approved by " + soa.decidedBy() + " on "
                + soa.decidedAt().atZone(clock.getZone()).toLocalDate() + " (" + soa.applicableCount() + " of "
                + soa.entries().size() + " Annex A controls applicable)";
        return Optional.of(new Section(TITLE, List.of(
                new File(SoaExport.fileName(soa, "csv"), what + ", CSV", SoaExport.csv(soa)),
                new File(SoaExport.fileName(soa, "pdf"), what + ", PDF", SoaExport.reproduciblePdf(soa, clock.getZone()))),
                null));
    }
}
