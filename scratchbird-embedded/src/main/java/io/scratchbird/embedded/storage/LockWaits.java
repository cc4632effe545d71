package io.scratchbird.embedded.storage;

/**
 * Recognises a thread parked in storage's row-lock wait. That wait does not look at the statement's
 * cancel flag, so cancelling a statement that waits for a lock interrupts the thread — only while it
 * is seen waiting there, and the file system is opened so that a stray interrupt is harmless.
 */
final class LockWaits {

    private static final String TRANSACTION_CLASS = "org.h2.mvstore.tx.Transaction";

    private LockWaits() {
    }

    static boolean isWaitingForLock(Thread thread) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(TRANSACTION_CLASS) && frame.getMethodName().startsWith("waitFor")) {
                return true;
            }
        }
        return false;
    }
}
