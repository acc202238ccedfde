package io.auditflow.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * This node's name, the same after a restart: {@code auditflow.node-id} (env {@code AUDITFLOW_NODE_ID})
 * or else one generated once and kept in {@code auditflow.node-id-file} (default {@code ./data/node-id}).
 * A node that starts again knows that leases under its own name are left over from its last life.
 * Two running nodes must never share one name (docs/operations.md).
 */
public record NodeId(String value) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,60}");

    public NodeId {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("auditflow.node-id must be 1 to 60 letters, digits, '.', '_' or '-'");
        }
    }

    public static NodeId resolve(Environment env) {
        String configured = env.getProperty("auditflow.node-id", "");
        if (StringUtils.hasText(configured)) {
            return new NodeId(configured.trim());
        }
        return fromFile(Path.of(env.getProperty("auditflow.node-id-file", "./data/node-id")));
    }

    /** Reads the name kept in the file, or writes a new one there (host name plus a random part). */
    static NodeId fromFile(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (SAFE.matcher(kept).matches()) {
                    return new NodeId(kept);
                }
            }
            NodeId fresh = new NodeId(hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, fresh.value() + "\n", StandardCharsets.UTF_8);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep this node's id in " + file
                    + "; set auditflow.node-id (AUDITFLOW_NODE_ID) instead", e);
        }
    }

    private static String hostName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        host = host.replaceAll("[^A-Za-z0-9.-]", "");
        return host.isEmpty() ? "node" : host.substring(0, Math.min(40, host.length()));
    }
}
