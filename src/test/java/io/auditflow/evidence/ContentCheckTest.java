package io.auditflow.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The content check of Office files stops inflating at its caps, so a ZIP bomb is refused quickly. */
class ContentCheckTest {

    /** A .docx whose one large part inflates to {@code megabytes} MB of zeros. */
    private static byte[] bomb(String partFolder, int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(partFolder + "document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void a_one_megabyte_docx_that_inflates_to_one_gigabyte_is_refused_after_inflating_a_tenth_of_it_at_most() throws IOException {
        byte[] bomb = bomb("word/", 1024);
        assertThat(bomb.length).isLessThan(1_100_000);

        long started = System.nanoTime();
        ContentCheck.Result result = ContentCheck.check("docx", bomb);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result).isEqualTo(ContentCheck.Result.UNPACKS_TOO_LARGE);
        // Inflating the whole gigabyte takes several seconds of CPU; stopping at 100 MB a few hundred ms
        // on a quiet machine. The bound leaves room for a busy CI machine.
        assertThat(millis).isLessThan(5000);
    }

    @Test
    void a_small_xlsx_that_inflates_more_than_a_hundred_times_its_size_is_refused() throws IOException {
        byte[] bomb = bomb("xl/", 8);
        assertThat(bomb.length).isLessThan(80_000);
        assertThat(ContentCheck.check("xlsx", bomb)).isEqualTo(ContentCheck.Result.UNPACKS_TOO_LARGE);
    }

    @Test
    void ordinary_office_files_still_pass_and_a_renamed_zip_does_not() {
        assertThat(ContentCheck.check("docx", EvidenceSamples.office("word/"))).isEqualTo(ContentCheck.Result.MATCHES);
        assertThat(ContentCheck.check("xlsx", EvidenceSamples.office("xl/"))).isEqualTo(ContentCheck.Result.MATCHES);
        assertThat(ContentCheck.check("docx", EvidenceSamples.office("xl/"))).isEqualTo(ContentCheck.Result.MISMATCH);
    }
}
