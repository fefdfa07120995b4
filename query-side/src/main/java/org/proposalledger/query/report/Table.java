package org.proposalledger.query.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report written row by row, as CSV or XLSX, so an export never holds the whole report in
 * memory. Cells are Strings, Numbers or null.
 * <p>
 * CSV: UTF-8 with a byte-order mark (so spreadsheet programs show Chinese), RFC 4180 quoting,
 * CRLF line ends; a text cell starting with {@code = + - @} gets a leading apostrophe so a
 * spreadsheet does not run it as a formula. XLSX: Apache POI's streaming workbook, one sheet,
 * bold header row, numbers as numeric cells.
 */
public interface Table extends AutoCloseable {

    void row(List<?> cells);

    @Override
    void close();

    static Table csv(OutputStream out) {
        return new Csv(out);
    }

    static Table xlsx(OutputStream out, String sheetName) {
        return new Xlsx(out, sheetName);
    }

    final class Csv implements Table {
        private final Writer writer;

        Csv(OutputStream out) {
            try {
                out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        @Override
        public void row(List<?> cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(escape(cells.get(i)));
            }
            line.append("\r\n");
            try {
                writer.write(line.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String escape(Object cell) {
            if (cell == null) {
                return "";
            }
            if (cell instanceof Number) {
                return cell.toString();
            }
            String s = cell.toString();
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            return s;
        }

        @Override
        public void close() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final class Xlsx implements Table {
        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        private final Sheet sheet;
        private final CellStyle header;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            this.sheet = workbook.createSheet(sheetName);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
        }

        @Override
        public void row(List<?> cells) {
            Row row = sheet.createRow(next);
            for (int i = 0; i < cells.size(); i++) {
                Object v = cells.get(i);
                Cell cell = row.createCell(i);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v != null) {
                    cell.setCellValue(v.toString());
                }
                if (next == 0) {
                    cell.setCellStyle(header);
                }
            }
            next++;
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                workbook.dispose();
                try {
                    workbook.close();
                } catch (IOException ignored) {
                    // temp files are gone after dispose
                }
            }
        }
    }
}
