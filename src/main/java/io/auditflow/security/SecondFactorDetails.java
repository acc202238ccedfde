package io.auditflow.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The client address plus the one-time code typed into the login form's "code" field, if any. */
class SecondFactorDetails extends WebAuthenticationDetails {

    static final String CODE_PARAMETER = "code";

    private final transient String code;

    SecondFactorDetails(HttpServletRequest request) {
        super(request);
        this.code = request.getParameter(CODE_PARAMETER);
    }

    String code() {
        return code;
    }
}
