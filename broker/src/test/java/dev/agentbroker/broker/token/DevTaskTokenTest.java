package dev.agentbroker.broker.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.audit.AuditReader;
import dev.agentbroker.broker.audit.AuditVerifier;
import dev.agentbroker.broker.audit.CheckpointKeys;

/**
 * {@code POST /dev-idp/task-token} over HTTP against the whole broker from the quickstart
 * configuration: the token works at {@code /v1/models}, the issuing and the exchange are in
 * the durable hash-chained audit log with the Cedar {@code exchange_token} decision, Cedar
 * refusals and bad parameters come back as OAuth error JSON, and a disabled IdP has no endpoint.
 */
class DevTaskTokenTest {
    static final String PATH = "/dev-idp/task-token";

    @TempDir
    Path dataDir;

    @Test
    void issuesATaskTokenThroughCedarIntoTheDurableAuditLog() throws Exception {
        String taskId;
        try (BrokerFixture f = new BrokerFixture(dataDir, "")) {
            HttpResponse<String> r = f.postForm(PATH, null,
                    "username=alice&agent=research-agent&scope=model%3Asandbox+mcp%3Afs&lifetime=120");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
            JsonObject body = json(r.body());
            assertEquals("Bearer", body.getString("token_type"));
            assertEquals(ExchangeParams.ACCESS_TOKEN, body.getString("issued_token_type"));
            assertEquals("mcp:fs model:sandbox", body.getString("scope"));
            assertTrue(body.getInt("expires_in") > 0 && body.getInt("expires_in") <= 120, r.body());
            String token = body.getString("access_token");
            assertEquals(200, f.models(token).statusCode());
            VerifiedToken verified = f.broker.tokens().verifier().verify(token, f.v1());
            assertEquals("alice", verified.subject());
            assertEquals(List.of("research-agent"), verified.actorChain());
            taskId = verified.taskId();
        }
        Path audit = dataDir.resolve("audit");
        JsonObject exchanged = records(audit, "token.exchanged").get(0);
        assertEquals(taskId, exchanged.getString("task"));
        assertEquals("alice", exchanged.getString("user"));
        assertEquals("allow", exchanged.getString("decision"));
        assertTrue(exchanged.getJsonArray("policy_ids").toString().contains("default-exchange-token"), exchanged.toString());
        assertTrue(records(audit, "token.issued").stream().anyMatch(e -> "research-agent".equals(e.getString("client", ""))));
        assertTrue(AuditVerifier.verify(audit, CheckpointKeys.readPublic(dataDir.resolve("audit-keys")
                .resolve(CheckpointKeys.PUBLIC_FILE))).ok(), "the broker's hash chain stays intact");
    }

    @Test
    void badParametersAndRefusalsAreOAuthErrors() throws Exception {
        try (BrokerFixture f = new BrokerFixture(dataDir, "")) {
            assertError(f.postForm(PATH, null, "username=alice&agent=ghost"), 400, "invalid_request", "agent: ");
            assertError(f.postForm(PATH, null, "username=mallory&agent=research-agent"), 400, "invalid_request",
                    "username: unknown demo user \"mallory\"");
            assertError(f.postForm(PATH, null, "agent=research-agent"), 400, "invalid_request",
                    "missing parameter username");
            assertError(f.postForm(PATH, null, "username=alice&agent=deeper-agent"), 400, "invalid_request",
                    "agent: no enabled agent \"deeper-agent\"");
            assertError(f.postForm(PATH, null, "username=alice&agent=research-agent&scope=admin"), 400,
                    "invalid_scope", "");
            assertError(f.postForm(PATH, null, "username=alice&agent=research-agent&lifetime=-5"), 400,
                    "invalid_request", "lifetime");
        }
        assertTrue(records(dataDir.resolve("audit"), "token.refused").size() >= 1, "refused exchanges are audited");
    }

    @Test
    void cedarExchangeTokenDecides(@TempDir Path policies) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("..", "cedar-policies", "policies", "quickstart"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, policies.resolve(file.getFileName()));
            }
        }
        Files.writeString(policies.resolve("90-test.cedar"), """
                @id("test-no-first-hop-for-research-agent")
                forbid (principal == Agent::"research-agent", action == Action::"exchange_token", resource);
                """);
        try (BrokerFixture f = new BrokerFixture(dataDir,
                yaml -> BrokerFixture.onPort(0).apply(yaml).replace("builtin:quickstart", policies.toString()))) {
            HttpResponse<String> r = f.postForm(PATH, null, "username=alice&agent=research-agent");
            assertError(r, 400, "unauthorized_client", "exchange_token");
            assertEquals(200, f.postForm(PATH, null, "username=alice&agent=helper-agent").statusCode());
        }
    }

    @Test
    void aForeignHostNameIsRefusedAgainstDnsRebinding() throws Exception {
        try (BrokerFixture f = new BrokerFixture(dataDir, "")) {
            String form = "username=alice&agent=research-agent";
            for (String path : List.of(PATH, "/dev-idp/token")) {
                String foreign = rawPost(f, path, "evil.example:" + f.base().getPort(), form);
                assertTrue(foreign.startsWith("HTTP/1.1 400") && foreign.contains("Host header"), foreign);
            }
            assertTrue(rawPost(f, PATH, "localhost:" + f.base().getPort(), form).startsWith("HTTP/1.1 200"));
        }
    }

    /** One HTTP/1.1 POST over a socket, so the {@code Host} header can be chosen: status line, headers, body. */
    static String rawPost(BrokerFixture f, String path, String host, String form) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(f.base().getHost(), f.base().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\n\r\n" + form).getBytes(StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder response = new StringBuilder();
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                response.append(line).append('\n');
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            char[] body = new char[length];
            for (int read = 0, n = 0; read < length && n >= 0; read += Math.max(n, 0)) {
                n = in.read(body, read, length - read);
            }
            return response.append('\n').append(body).toString();
        }
    }

    @Test
    void aDisabledDevelopmentIdpHasNoEndpoint() throws Exception {
        try (BrokerFixture f = new BrokerFixture(dataDir, yaml -> BrokerFixture.onPort(0).apply(yaml)
                .replace("dev-idp:\n  enabled: true", "dev-idp:\n  enabled: false"))) {
            assertEquals(404, f.postForm(PATH, null, "username=alice&agent=research-agent").statusCode());
            assertEquals(404, f.postForm("/dev-idp/token", null, "username=alice").statusCode());
        }
    }

    static void assertError(HttpResponse<String> r, int status, String error, String description) {
        assertEquals(status, r.statusCode(), r.body());
        JsonObject body = json(r.body());
        assertEquals(error, body.getString("error"), r.body());
        assertTrue(body.getString("error_description").contains(description), r.body());
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    static List<JsonObject> records(Path audit, String type) throws IOException {
        List<JsonObject> out = new ArrayList<>();
        AuditReader.scan(audit, r -> type.equals(r.getString("type", "")), r -> out.add(r));
        return out;
    }
}
