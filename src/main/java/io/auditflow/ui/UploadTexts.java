package io.auditflow.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;
import java.util.Locale;

/**
 * Vaadin's upload texts ("Upload File...", "Drop file here", "File is Too Big.") in the reader's
 * language. English readers keep Vaadin's own texts; other readers get the whole set from the bundle
 * ({@code upload.*}), as the component takes its texts only as a complete set.
 */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static void apply(Upload upload) {
        if (Locale.ENGLISH.getLanguage().equals(Format.locale().getLanguage())) {
            return;
        }
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t("upload.dropOne")).setMany(t("upload.dropMany")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t("upload.addOne")).setMany(t("upload.addMany")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t("upload.error.tooMany"))
                .setFileIsTooBig(t("upload.error.tooBig")).setIncorrectFileType(t("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t("upload.status.connecting"))
                        .setStalled(t("upload.status.stalled")).setProcessing(t("upload.status.processing"))
                        .setHeld(t("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t("upload.remaining.prefix"))
                        .setUnknown(t("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t("upload.failed.server"))
                        .setUnexpectedServerError(t("upload.failed.unexpected")).setForbidden(t("upload.failed.forbidden"))));
        i18n.setFile(new UploadI18N.File().setStart(t("upload.file.start")).setRetry(t("upload.file.retry"))
                .setRemove(t("upload.file.remove")));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")));
        upload.setI18n(i18n);
    }

    private static String t(String key) {
        return Format.text(key);
    }
}
