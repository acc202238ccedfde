package io.auditflow.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Security settings that an admin switches at run time (table security_setting). */
@Service
public class SecuritySettings {

    static final String REQUIRE_TOTP_FOR_ADMINS = "require-totp-for-admins";

    private final JdbcTemplate jdbc;

    SecuritySettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean secondFactorRequiredForAdmins() {
        return jdbc.queryForList("select setting_value from security_setting where setting_name = ?", String.class,
                REQUIRE_TOTP_FOR_ADMINS).stream().anyMatch("true"::equals);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void requireSecondFactorForAdmins(boolean required) {
        if (jdbc.update("update security_setting set setting_value = ? where setting_name = ?",
                Boolean.toString(required), REQUIRE_TOTP_FOR_ADMINS) == 0) {
            jdbc.update("insert into security_setting (setting_name, setting_value) values (?, ?)",
                    REQUIRE_TOTP_FOR_ADMINS, Boolean.toString(required));
        }
    }

    /** True when this user must set up a second factor before doing anything else. */
    public boolean mustSetUpSecondFactor(AuditflowUser user) {
        return !user.hasSecondFactor()
                && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()))
                && secondFactorRequiredForAdmins();
    }
}
