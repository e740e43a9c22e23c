// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

import java.sql.SQLException;

/**
 * Where {@link C2cReportParser} sends records as it reads them, so a report of any size can stream
 * into Arrow batches; {@link C2cReportParser#parse(String, java.io.BufferedReader, boolean)} collects
 * them into a {@link C2cCapture} instead. Lines come in the order they are read: the table's rows,
 * then the Pareto blocks of lines the table did not list.
 */
public interface C2cSink {
    void line(C2cLine l) throws SQLException;

    void access(C2cAccess a) throws SQLException;

    void summary(C2cSummaryEntry e) throws SQLException;

    void callgraph(C2cCallgraphLine c) throws SQLException;
}
