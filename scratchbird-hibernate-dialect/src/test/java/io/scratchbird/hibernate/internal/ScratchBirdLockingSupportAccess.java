package io.scratchbird.hibernate.internal;

/** Test access to the package-private lock-timeout parser. */
public final class ScratchBirdLockingSupportAccess {

    private ScratchBirdLockingSupportAccess() {
    }

    public static long parse(String text) {
        return ScratchBirdLockingSupport.parseMillis(text);
    }
}
