package io.auditflow.security;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1 as authenticator apps expect) with
 * dev.samstevens totp; the time comes from the app's clock.
 */
@Component
public class SecondFactor {

    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final CodeVerifier verifier;

    SecondFactor(Clock clock) {
        DefaultCodeVerifier codes = new DefaultCodeVerifier(new DefaultCodeGenerator(),
                () -> clock.instant().getEpochSecond());
        codes.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = codes;
    }

    public String newSecret() {
        return secrets.generate();
    }

    public boolean verify(String secret, String code) {
        return secret != null && code != null && code.strip().matches("\\d{6}") && verifier.isValidCode(secret, code.strip());
    }

    /** A data: URI of the QR code an authenticator app scans. */
    public String qrCode(String secret, String username) {
        QrData data = new QrData.Builder().label(username).secret(secret).issuer("Auditflow")
                .digits(6).period(30).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Cannot draw the QR code", e);
        }
    }
}
