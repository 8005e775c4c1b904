package dev.agentbroker.broker.policy;

import com.cedarpolicy.model.policy.Policy;

import dev.agentbroker.broker.policy.PolicyFiles.PolicyFile;

/**
 * Finds the line of a syntax error, which the native parser reports without a position:
 * splits the file into statements at each {@code ;} outside strings and comments, parses
 * them one by one and reports the first that fails, at the line where it starts.
 */
final class SyntaxLocator {
    private SyntaxLocator() {
    }

    static PolicyProblem locate(PolicyFile file, Exception whole) {
        String text = file.text();
        int start = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? text.length() : eol;
            } else if (c == ';') {
                PolicyProblem problem = check(file, start, i + 1);
                if (problem != null) {
                    return problem;
                }
                start = i + 1;
            }
        }
        int line = text.substring(start).isBlank() ? PolicyLoader.lineOf(text, text.length())
                : firstCodeLine(text, start);
        return new PolicyProblem(file.name(), line, clean(whole.getMessage()));
    }

    private static PolicyProblem check(PolicyFile file, int from, int to) {
        String chunk = file.text().substring(from, to);
        try {
            Policy.parseStaticPolicy(chunk);
            return null;
        } catch (Exception e) {
            return new PolicyProblem(file.name(), firstCodeLine(file.text(), from), clean(e.getMessage()));
        }
    }

    private static int firstCodeLine(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? text.length() : eol + 1;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                break;
            }
        }
        return PolicyLoader.lineOf(text, i);
    }

    private static String clean(String message) {
        if (message == null) {
            return "syntax error";
        }
        String m = message.replace("Auth Exception: ", "").replace("Internal error: ", "")
                .replace("Internal JNI Error: ", "").strip();
        return m.endsWith(":") ? m.substring(0, m.length() - 1).strip() : m;
    }
}
