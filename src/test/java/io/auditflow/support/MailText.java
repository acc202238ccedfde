package io.auditflow.support;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The plain-text part of a received mail, for assertions on wording. */
public final class MailText {

    private MailText() {
    }

    public static String plain(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String text = plain(mp.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
