package org.proposalledger.query.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest {

    @Test
    void csvQuotesWhatNeedsQuotingAndDefusesFormulas() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Table t = Table.csv(out)) {
            t.row(Arrays.asList("a,b", "say \"hi\"", "line\nbreak", null, 3, 0.5, "=SUM(A1)", "关于建议"));
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",,3,0.5,'=SUM(A1),关于建议\r\n");
    }
}
