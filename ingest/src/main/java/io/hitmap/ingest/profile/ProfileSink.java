// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.profile;

import java.sql.SQLException;

/**
 * Where {@link PerfReportParser} sends rows and tree nodes as it reads them, so a report of any size
 * can stream into Arrow batches; {@link PerfReportParser#parse(String, java.io.BufferedReader, boolean)}
 * collects them into lists instead.
 */
public interface ProfileSink {
    void entry(ProfileEntry e) throws SQLException;

    void node(ChainNode n) throws SQLException;
}
