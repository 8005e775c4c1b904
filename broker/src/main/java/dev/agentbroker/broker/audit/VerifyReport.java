package dev.agentbroker.broker.audit;

/**
 * What {@code audit verify} found. Immutable.
 *
 * @param ok          whether the whole log verified
 * @param records     records checked (up to the first problem)
 * @param files       segment files read
 * @param checkpoints checkpoints whose signature verified
 * @param unsigned    records after the last checkpoint (chained, not yet signed)
 * @param location    the first bad place ({@code segment line N (seq S)}), or null
 * @param problem     what is wrong there, or null
 */
public record VerifyReport(boolean ok, long records, long files, long checkpoints, long unsigned, String location,
                           String problem) {

    static VerifyReport failed(long records, long files, long checkpoints, String location, String problem) {
        return new VerifyReport(false, records, files, checkpoints, 0, location, problem);
    }

    /** One line for a terminal. */
    public String summary() {
        if (!ok) {
            return "FAIL " + location + ": " + problem + " (" + records + " records verified before it)";
        }
        return "ok: " + records + " records in " + files + " file(s); chain intact; " + checkpoints
                + " signed checkpoints verified; " + unsigned + " records after the last checkpoint";
    }
}
