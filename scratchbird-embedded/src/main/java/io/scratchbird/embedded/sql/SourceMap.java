package io.scratchbird.embedded.sql;

/**
 * Maps character offsets of the translated H2 text back to the SBsql text it came from, so an error
 * storage reports at some position is reported at the right place of what the client sent.
 */
public final class SourceMap {

    private final int[] targetOffsets;
    private final int[] sourceOffsets;

    SourceMap(int[] targetOffsets, int[] sourceOffsets) {
        this.targetOffsets = targetOffsets;
        this.sourceOffsets = sourceOffsets;
    }

    /** The 0-based source offset of the token that covers {@code targetOffset}. */
    public int sourceOffset(int targetOffset) {
        int found = 0;
        for (int i = 0; i < targetOffsets.length && targetOffsets[i] <= targetOffset; i++) {
            found = sourceOffsets[i];
        }
        return found;
    }
}
