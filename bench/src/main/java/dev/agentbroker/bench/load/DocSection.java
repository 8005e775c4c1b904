package dev.agentbroker.bench.load;

/**
 * Replaces the generated part of docs/benchmarks.md, between {@code <!-- bench/run:begin -->}
 * and {@code <!-- bench/run:end -->}, leaving every other section (the JMH sections other
 * features write) as it is. Without the markers the part is appended. Stateless.
 */
final class DocSection {
    static final String BEGIN = "<!-- bench/run:begin -->";
    static final String END = "<!-- bench/run:end -->";

    private DocSection() {
    }

    static String replace(String document, String generated) {
        String block = BEGIN + "\n" + generated.strip() + "\n" + END;
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 && end < 0) {
            return document.stripTrailing() + "\n\n" + block + "\n";
        }
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("docs/benchmarks.md: the markers " + BEGIN + " and " + END
                    + " must both be present, in that order");
        }
        return document.substring(0, begin) + block + document.substring(end + END.length());
    }
}
