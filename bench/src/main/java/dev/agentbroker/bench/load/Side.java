package dev.agentbroker.bench.load;

import java.net.URI;

/**
 * Where one side of a comparison sends its requests: the endpoint URL, the model or tool
 * name that side knows the target by, and the bearer token (null on the direct path).
 *
 * @param label  {@code direct} or {@code broker}
 * @param url    the endpoint ({@code .../v1/chat/completions} or {@code .../mcp})
 * @param name   the model name or tool name to send
 * @param bearer the task token, or null
 */
record Side(String label, URI url, String name, String bearer) {
}
