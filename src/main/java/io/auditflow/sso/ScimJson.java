package io.auditflow.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditflow.identity.ExternalGroup;
import io.auditflow.identity.ExternalUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** SCIM's JSON: resources, list answers, errors, and reading a request body within a size limit. */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /** A request body larger than this is refused (413): a group PATCH of about 2,000 members fits. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private ScimJson() {
    }

    static ObjectNode user(ObjectMapper json, ExternalUser u, String base) {
        ObjectNode n = json.createObjectNode();
        n.putArray("schemas").add(USER_SCHEMA);
        n.put("id", String.valueOf(u.id()));
        if (u.externalId() != null) {
            n.put("externalId", u.externalId());
        }
        n.put("userName", u.username());
        n.put("displayName", u.displayName());
        n.putObject("name").put("formatted", u.displayName());
        if (u.email() != null) {
            n.putArray("emails").addObject().put("value", u.email()).put("type", "work").put("primary", true);
        }
        n.put("active", u.active());
        ArrayNode groups = n.putArray("groups");
        u.groups().stream().filter(ExternalUser.GroupRef::external).forEach(g -> groups.addObject()
                .put("value", String.valueOf(g.id())).put("display", g.name()).put("$ref", base + "/Groups/" + g.id()));
        ObjectNode meta = n.putObject("meta");
        meta.put("resourceType", "User");
        if (u.created() != null) {
            meta.put("created", u.created().toString());
        }
        meta.put("location", base + "/Users/" + u.id());
        return n;
    }

    static ObjectNode group(ObjectMapper json, ExternalGroup g, String base, boolean withMembers) {
        ObjectNode n = json.createObjectNode();
        n.putArray("schemas").add(GROUP_SCHEMA);
        n.put("id", String.valueOf(g.id()));
        if (g.externalId() != null) {
            n.put("externalId", g.externalId());
        }
        n.put("displayName", g.displayName());
        if (withMembers) {
            ArrayNode members = n.putArray("members");
            g.members().forEach(m -> members.addObject().put("value", String.valueOf(m.id())).put("display", m.username())
                    .put("$ref", base + "/Users/" + m.id()));
        }
        n.putObject("meta").put("resourceType", "Group").put("location", base + "/Groups/" + g.id());
        return n;
    }

    static ObjectNode list(ObjectMapper json, long total, int startIndex, Iterable<? extends JsonNode> items) {
        ObjectNode n = json.createObjectNode();
        n.putArray("schemas").add(LIST_SCHEMA);
        n.put("totalResults", total);
        n.put("startIndex", startIndex);
        ArrayNode resources = n.putArray("Resources");
        items.forEach(resources::add);
        n.put("itemsPerPage", resources.size());
        return n;
    }

    static ObjectNode error(ObjectMapper json, ScimError e) {
        ObjectNode n = json.createObjectNode();
        n.putArray("schemas").add(ERROR_SCHEMA);
        n.put("status", String.valueOf(e.status));
        if (e.scimType != null) {
            n.put("scimType", e.scimType);
        }
        n.put("detail", e.getMessage());
        return n;
    }

    static void writeError(HttpServletResponse res, ObjectMapper json, ScimError e) throws IOException {
        res.setStatus(e.status);
        res.setContentType(MEDIA_TYPE);
        res.setCharacterEncoding("UTF-8");
        res.getOutputStream().write(json.writeValueAsBytes(error(json, e)));
    }

    /** The body as JSON, refused with a SCIM error when larger than the limit or not a JSON object. */
    static JsonNode readBody(ObjectMapper json, InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ScimError(413, null, "The request is larger than " + MAX_BODY_BYTES / 1024 + " KB");
        }
        JsonNode node;
        try {
            node = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScimError(400, "invalidSyntax", "The body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ScimError(400, "invalidSyntax", "The body must be a JSON object");
        }
        return node;
    }

    /** An attribute by name ignoring case (SCIM attribute names are case-insensitive; Entra ID writes "Operations"). */
    static JsonNode get(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static String text(JsonNode node, String name) {
        JsonNode v = get(node, name);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : null;
    }

    /** A SCIM boolean; Entra ID sends "True"/"False" as strings in PATCH. */
    static Boolean bool(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText().toLowerCase());
        }
        throw ScimError.invalidValue("'active' must be true or false");
    }
}
