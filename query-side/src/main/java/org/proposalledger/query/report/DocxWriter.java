package org.proposalledger.query.report;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The report as a Word document: one paragraph per line, headings bold, the unit right-aligned. */
public final class DocxWriter {

    public byte[] write(KeyProposalsReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (KeyProposalsReport.Line line : report.lines()) {
                XWPFParagraph p = doc.createParagraph();
                XWPFRun run = p.createRun();
                run.setText(line.text());
                run.setFontFamily("SimSun");
                switch (line.kind()) {
                    case TITLE -> {
                        p.setAlignment(ParagraphAlignment.CENTER);
                        run.setBold(true);
                        run.setFontSize(18);
                    }
                    case SUGGESTION_TITLE -> {
                        p.setAlignment(ParagraphAlignment.CENTER);
                        run.setBold(true);
                        run.setFontSize(14);
                    }
                    case HEADING -> run.setBold(true);
                    case UNIT -> p.setAlignment(ParagraphAlignment.RIGHT);
                    case TEXT -> p.setFirstLineIndent(480); // two characters, as Chinese documents indent
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
