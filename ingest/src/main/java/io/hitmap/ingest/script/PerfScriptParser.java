// SPDX-License-Identifier: Apache-2.0
package io.hitmap.ingest.script;

import io.hitmap.ingest.PerfLines;
import io.hitmap.ingest.PerfParseException;
import io.hitmap.ingest.PerfText;
import io.hitmap.ingest.PerfTextKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams {@code perf script} text into {@link ScriptSample}s, one at a time, so memory stays
 * the same whatever the size of the input.
 * <pre>
 * refbench 14931   971.966939:     500000 cpu-clock:ppp:
 * 	ffffffff815a114b folios_put_refs+0x6b ([kernel.kallsyms])
 * 	           20ce7 munmap+0x7 (/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2)
 *
 *       webcontent  6993 [000]  6965.778596:     500000 cpu-clock:  ffffffff8168a1a5 memcg1_commit_charge+0x85 ([kernel.kallsyms])
 * </pre>
 * A sample is a header line ({@link ScriptHeaders}) and the tab-indented frames under it
 * ({@link ScriptFrames}), up to a blank line or the next header. The first header and the first
 * frame set the layout every later one must have, so a cut or garbled line is caught where it is.
 * Lines: headers and frames are used, blank and {@code #} lines ({@code perf script --header})
 * structural; with {@code --lenient} a sample with a bad line is skipped whole. Each sample's frames
 * come as a {@link ScriptStack} shared by the samples that print the same ones ({@link ScriptStacks}
 * caches, bounded, so a frame line seen before is not parsed again).
 */
public final class PerfScriptParser {
    private enum State { BETWEEN, SAMPLE }

    private enum LineKind { STRUCTURAL, HEADER, FRAME }

    /** Where the samples go, one by one, in file order. */
    @FunctionalInterface
    public interface SampleSink<E extends Exception> {
        void accept(ScriptSample sample) throws E;
    }

    private static final String HINT = "the file should be the output of 'perf script';"
            + " pass --lenient to skip samples that do not parse";
    private static final String CUT_HINT = "the file looks cut off; capture all of it, or pass --lenient";
    private static final int MAX_SKIPPED_LISTED = 10;
    /** Heap the parser's frame and stack caches may hold, estimated: see {@link ScriptStacks}. */
    public static final long DEFAULT_CACHE_BYTES = ScriptStacks.DEFAULT_CACHE_BYTES;

    private final String file;
    private final boolean lenient;
    private long read;
    private long used;
    private long structural;
    private long skipped;
    private final List<Integer> skippedLineNos = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long samples;
    private long frameCount;
    private int lineNo;
    private int firstLayout = -1;
    private int firstHeaderLine;
    private int firstFrameLine;
    private boolean framesHaveDso;
    private boolean callchains;
    private boolean headerFrames;

    private State state = State.BETWEEN;
    private ScriptHeader header;
    private int headerLine;
    private final ScriptStacks stacks;
    private boolean bad;
    private int[] sampleLines = new int[64];
    private int sampleLineCount;

    private PerfScriptParser(String file, boolean lenient, long cacheBytes) {
        this.file = file;
        this.lenient = lenient;
        this.stacks = new ScriptStacks(cacheBytes);
    }

    /** Parses a file after checking it holds perf script text (and not perf.data, c2c, perf report...). */
    public static <E extends Exception> ScriptSummary parse(Path file, boolean lenient, SampleSink<E> sink)
            throws IOException, PerfParseException, E {
        try (PerfText text = PerfText.open(file)) {
            return parse(file.toString(), text, lenient, sink);
        }
    }

    /** Parses text already opened (eg, standard input, which can be opened once); the caller closes it. */
    public static <E extends Exception> ScriptSummary parse(String displayName, PerfText text, boolean lenient,
            SampleSink<E> sink) throws IOException, PerfParseException, E {
        return parse(displayName, text, lenient, DEFAULT_CACHE_BYTES, sink);
    }

    /**
     * As {@link #parse(String, PerfText, boolean, SampleSink)}, with the heap the frame and stack
     * caches may hold before they are cleared ({@link #DEFAULT_CACHE_BYTES}); a small value
     * gives the same frames, in more distinct stacks.
     */
    public static <E extends Exception> ScriptSummary parse(String displayName, PerfText text, boolean lenient,
            long cacheBytes, SampleSink<E> sink) throws IOException, PerfParseException, E {
        PerfTextKind.sniff(text.head()).require(PerfTextKind.PERF_SCRIPT, displayName);
        return new PerfScriptParser(displayName, lenient, cacheBytes).run(text.reader(), sink)
                .withSha256(text.sha256());
    }

    public static <E extends Exception> ScriptSummary parse(String displayName, BufferedReader in, boolean lenient,
            SampleSink<E> sink) throws IOException, PerfParseException, E {
        return new PerfScriptParser(displayName, lenient, DEFAULT_CACHE_BYTES).run(in, sink);
    }

    private <E extends Exception> ScriptSummary run(BufferedReader in, SampleSink<E> sink)
            throws IOException, PerfParseException, E {
        PerfLines lines = new PerfLines(in);
        String text;
        while ((text = lines.next()) != null) {
            lineNo = lines.lineNo();
            read++;
            read += lines.joined();
            structural += lines.joined(); // the half of a line mail broke with a soft "=" break
            line(text, sink);
        }
        endOfInput(sink);
        String variant = callchains ? "callchain" : headerFrames ? "no-callchain" : "header-only";
        return new ScriptSummary(file, variant + (lines.quoted() ? "+quoted" : ""), read, used, structural, skipped,
                List.copyOf(skippedLineNos), samples, frameCount, null, List.copyOf(warnings));
    }

    private <E extends Exception> void line(String text, SampleSink<E> sink) throws PerfParseException, E {
        switch (kind(text)) {
            case STRUCTURAL -> {
                structural++;
                close(sink);
            }
            case FRAME -> frame(text);
            case HEADER -> header(text, sink);
        }
    }

    // perf indents frames with a tab; blanks instead (a mail or a terminal ate the tab) are a frame
    // only inside a call-chain sample, since perf pads a comm without call chains with blanks
    private LineKind kind(String text) {
        int end = ScriptText.trimmedEnd(text);
        if (end == 0 || text.charAt(0) == '#') {
            return LineKind.STRUCTURAL;
        }
        char c0 = text.charAt(0);
        if (c0 == '\t' || (c0 == ' ' && state == State.SAMPLE && callchains
                && ScriptFrames.looksLikeFrame(text, ScriptText.skipBlanks(text, 0, end), end))) {
            return LineKind.FRAME;
        }
        return LineKind.HEADER;
    }

    private void frame(String text) throws PerfParseException {
        if (state == State.BETWEEN) {
            if (!lenient) {
                throw new PerfParseException(file, lineNo, "expected a sample header \"" + ScriptHeaders.SHAPE
                        + "\" before its frames, found " + PerfParseException.quote(text), HINT);
            }
            skip(lineNo); // a frame of no sample is skipped on its own
            return;
        }
        remember(lineNo);
        if (bad) {
            return;
        }
        // the same line text parses to the same frame, and passed checkDso when it was cached
        if (stacks.addCached(text, lineNo - headerLine)) {
            return;
        }
        try {
            ScriptFrame f = ScriptFrames.parse(text, 0, 0);
            checkDso(f, text);
            stacks.addNew(text, f, lineNo - headerLine);
        } catch (ScriptSyntaxException e) {
            problem(e.getMessage());
        }
    }

    private <E extends Exception> void header(String text, SampleSink<E> sink) throws PerfParseException, E {
        close(sink);
        state = State.SAMPLE;
        headerLine = lineNo;
        remember(lineNo);
        try {
            header = ScriptHeaders.parse(text, lineNo);
            if (firstLayout < 0) {
                firstLayout = header.layout();
                firstHeaderLine = lineNo;
            } else if (header.layout() != firstLayout) {
                throw new ScriptSyntaxException("expected a sample header \"" + ScriptHeader.describe(firstLayout)
                        + "\" as on line " + firstHeaderLine + ", found " + PerfParseException.quote(text));
            }
            ScriptFrame f = header.frame();
            if (f != null) {
                checkDso(f, text);
                stacks.add(new ScriptFrame(f.address(), f.symbol(), f.symOffset(), f.dso(), 0), 0);
            }
        } catch (ScriptSyntaxException e) {
            problem(e.getMessage());
        }
    }

    // every frame of a file has a dso or none has (-F without dso); a frame cut short has lost it
    private void checkDso(ScriptFrame f, String text) throws ScriptSyntaxException {
        if (firstFrameLine == 0) {
            firstFrameLine = lineNo;
            framesHaveDso = f.dso() != null;
        } else if (framesHaveDso != (f.dso() != null)) {
            throw new ScriptSyntaxException("expected a frame \"" + (framesHaveDso ? ScriptFrames.SHAPE
                    : "<address> <symbol>+<offset>") + "\" as on line " + firstFrameLine + ", found "
                    + PerfParseException.quote(text));
        }
    }

    private <E extends Exception> void close(SampleSink<E> sink) throws E {
        if (state != State.SAMPLE) {
            return;
        }
        state = State.BETWEEN;
        if (bad) {
            for (int i = 0; i < sampleLineCount; i++) {
                skip(sampleLines[i]);
            }
            stacks.drop();
        } else {
            used += sampleLineCount;
            int onHeader = header.frame() != null ? 1 : 0;
            headerFrames |= onHeader == 1;
            callchains |= stacks.size() > onHeader;
            ScriptStack stack = stacks.take();
            frameCount += stack.size();
            ScriptHeader h = header;
            sink.accept(new ScriptSample(samples++, h.comm(), h.pid(), h.tid(), h.cpu(), h.time(), h.event(),
                    h.period(), h.trailing(), headerLine, stack));
        }
        sampleLineCount = 0;
        bad = false;
        header = null;
    }

    private <E extends Exception> void endOfInput(SampleSink<E> sink) throws PerfParseException, E {
        if (state == State.SAMPLE && !bad && callchains && stacks.size() == 0) {
            String message = "expected call-chain frames under the sample header (the samples before it have them),"
                    + " found end of file";
            if (!lenient) {
                throw new PerfParseException(file, headerLine, message, CUT_HINT);
            }
            warnings.add("line " + headerLine + ": " + message + " (the capture looks cut off); sample skipped");
            bad = true;
        }
        close(sink);
        if (samples == 0) {
            throw new PerfParseException(file, 0, "expected perf script samples (\"" + ScriptHeaders.SHAPE
                    + "\" lines), found " + (skipped > 0 ? skipped + " lines that do not parse" : "none"),
                    "the file should be the output of 'perf script -i perf.data'");
        }
    }

    // strict: stop with the line; lenient: the open sample is skipped whole when it closes
    private void problem(String detail) throws PerfParseException {
        if (!lenient) {
            throw new PerfParseException(file, lineNo, detail, HINT);
        }
        bad = true;
    }

    private void remember(int at) {
        if (sampleLineCount == sampleLines.length) {
            sampleLines = Arrays.copyOf(sampleLines, sampleLineCount * 2);
        }
        sampleLines[sampleLineCount++] = at;
    }

    private void skip(int at) {
        skipped++;
        if (skippedLineNos.size() < MAX_SKIPPED_LISTED) {
            skippedLineNos.add(at);
        }
    }
}
