/**
 * Coverage-guided fuzz tests (Jazzer's JUnit integration) for everything in the driver that reads
 * bytes or text it does not control: the frame reader and every decoder of a server message, the
 * value codecs, the SCRAM client's parsing of the server's messages, URL/property parsing and the
 * client-side SQL marker scanner.
 *
 * <p>Each class holds exactly one {@code @FuzzTest}, because Jazzer fuzzes one test per JVM. A plain
 * {@code verify} replays the kept inputs under {@code src/test/resources/io/scratchbird/fuzz/<Class>Inputs/}
 * (regression mode); the {@code fuzz-short} surefire execution then fuzzes each class for a few
 * seconds; {@code -Pfuzz-long} fuzzes each for ten minutes. See docs/reliability.md.
 *
 * <p>The contract every target checks: the only exception a hostile input may cause is the
 * component's documented one; anything else (index, null pointer, arithmetic, OutOfMemoryError,
 * StackOverflowError) is a finding.
 */
package io.scratchbird.fuzz;
