// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.c2c;

/**
 * The canonical columns of the c2c Shared Data Cache Line Table and Pareto, each with the kind
 * of cell perf prints for it. Header names map here through {@link C2cColumns}.
 */
enum C2cField {
    // Shared Data Cache Line Table
    INDEX(Cell.INT), ADDRESS(Cell.HEX), NODE(Cell.TEXT), PA_COUNT(Cell.INT),
    HITM_PCT(Cell.PCT), PEER_PCT(Cell.PCT),
    TOT_HITM(Cell.INT), LCL_HITM(Cell.INT), RMT_HITM(Cell.INT),
    TOT_PEER(Cell.INT), LCL_PEER(Cell.INT), RMT_PEER(Cell.INT),
    TOTAL_RECORDS(Cell.INT), LOADS(Cell.INT), STORES(Cell.INT),
    STORE_L1HIT(Cell.INT), STORE_L1MISS(Cell.INT), STORE_NA(Cell.INT),
    LD_FBHIT(Cell.INT), LD_L1HIT(Cell.INT), LD_L2HIT(Cell.INT), LD_LLCHIT(Cell.INT), LD_RMTHIT(Cell.INT),
    LD_LLCMISS(Cell.INT), DRAM_LCL(Cell.INT), DRAM_RMT(Cell.INT),
    /** perf 5.11+ prints LclHitm/RmtHitm a second time under LLC/RMT Load Hit: same numbers. */
    REPEAT(Cell.INT),
    // Shared Cache Line Distribution Pareto
    NUM(Cell.INT),
    RMT_HITM_PCT(Cell.PCT), LCL_HITM_PCT(Cell.PCT), RMT_PEER_PCT(Cell.PCT), LCL_PEER_PCT(Cell.PCT),
    STORE_L1HIT_PCT(Cell.PCT), STORE_L1MISS_PCT(Cell.PCT), STORE_NA_PCT(Cell.PCT),
    OFFSET(Cell.HEX), OFFSET_NODE(Cell.TEXT), PID(Cell.INT), TID(Cell.TEXT), CODE_ADDRESS(Cell.HEX),
    CYCLES_RMT(Cell.NUM), CYCLES_LCL(Cell.NUM), CYCLES_LOAD(Cell.NUM), CPU_COUNT(Cell.INT),
    /** The unmerged 2022 peer series: one "Snoop Peer" share, not split, and its "peer" cycles. */
    TOT_PEER_PCT(Cell.PCT), CYCLES_PEER(Cell.NUM),
    SYMBOL(Cell.TEXT), OBJECT(Cell.TEXT), SOURCE_LINE(Cell.TEXT), NODES(Cell.TEXT),
    /** A column this version of hitmap does not know: kept out of the tables, never guessed. */
    UNKNOWN(Cell.TEXT);

    /** How perf prints the cell: {@code 412}, {@code 41.50%}, {@code 0x28}, {@code 1234} cycles, text. */
    enum Cell { INT, PCT, HEX, NUM, TEXT }

    final Cell cell;

    C2cField(Cell cell) {
        this.cell = cell;
    }

    /** Symbol, Object, Source:Line and Node come after the numbers and may hold spaces. */
    boolean isTail() {
        return this == SYMBOL || this == OBJECT || this == SOURCE_LINE || this == NODES;
    }
}
