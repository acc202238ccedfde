package io.auditflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IcsFoldingTest {

    @Test
    void a_line_of_umlauts_is_folded_at_75_octets_without_splitting_a_character() {
        String line = "SUMMARY:" + "Überwachungsaudit Größenänderung ".repeat(5);
        String folded = IcsWriter.foldOctets(line + "\r\nEND:VEVENT");
        for (String physical : folded.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\nEND:VEVENT");
        assertThat(folded.split("\r\n")[1]).startsWith(" ");
    }

    @Test
    void a_short_line_stays_as_it_is() {
        assertThat(IcsWriter.foldOctets("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    }
}
