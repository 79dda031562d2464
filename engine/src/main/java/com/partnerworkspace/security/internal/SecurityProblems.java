package com.partnerworkspace.security.internal;

import com.partnerworkspace.security.PartnerAccess;
import com.partnerworkspace.security.PartnerAccessDeniedException;
import com.partnerworkspace.security.StepUpRequiredException;
import com.partnerworkspace.system.Guides;
import com.partnerworkspace.system.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The security module's own errors: no access to a partner (403), a fresh MFA step-up needed (403, so the UI steps up instead of logging in
 * again; the RFC 9470 challenge rides along in {@code WWW-Authenticate}). */
@RestControllerAdvice
@Order(0)
class SecurityProblems {

    @ExceptionHandler(PartnerAccessDeniedException.class)
    ProblemDetail partnerAccessDenied(PartnerAccessDeniedException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN,
                "partner-access-denied",
                "Not allowed for this partner",
                "You may not do this for partner " + e.partner()
                        + (e.scope() == null ? "." : " (it needs the scope " + e.scope() + ")."));
        problem.setProperty("partner", e.partner());
        if (e.scope() != null) {
            problem.setProperty("scope", e.scope());
        }
        return problem;
    }

    @ExceptionHandler(StepUpRequiredException.class)
    ResponseEntity<ProblemDetail> stepUpRequired(StepUpRequiredException e) {
        long maxAge = e.maxAge().toSeconds();
        ProblemDetail problem = Problems.of(
                HttpStatus.FORBIDDEN,
                "mfa-step-up-required",
                "Confirm with MFA",
                "This needs a login with your one-time code within the last " + maxAge + " seconds.");
        problem.setProperty("acrValues", PartnerAccess.MFA_ACR);
        problem.setProperty("maxAge", maxAge);
        // Should the step-up itself fail (no code, a lost authenticator), the guide says what to do.
        problem.setProperty("guide", Guides.of("mfa-problems", "step-up-refused"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_user_authentication\", error_description=\"A fresh MFA login is"
                                + " required\", acr_values=\"" + PartnerAccess.MFA_ACR + "\", max_age=" + maxAge)
                .body(problem);
    }
}
