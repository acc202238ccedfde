package io.auditflow.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.ValidationException;
import io.auditflow.identity.ExternalGroup;
import io.auditflow.identity.ExternalIdentities;
import io.auditflow.identity.ExternalPage;
import io.auditflow.identity.ExternalUser;
import io.auditflow.identity.ProvisionedUser;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SCIM 2.0 (RFC 7643/7644) for the identity provider: users and groups (teams), the filters and
 * PATCH operations Entra ID and Okta send, pagination, and SCIM error bodies. Users and groups the
 * provider did not create are invisible here. See docs/sso.md.
 */
@RestController
@RequestMapping("/scim/v2")
@Hidden
class ScimController {

    private static final Pattern FILTER = Pattern.compile("^\\s*([A-Za-z.]+)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MEMBER_PATH = Pattern.compile("^members\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*]$",
            Pattern.CASE_INSENSITIVE);
    static final int MAX_COUNT = 200;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScimController.class);

    private final ExternalIdentities identities;
    private final SsoProperties properties;
    private final ObjectMapper json;

    ScimController(ExternalIdentities identities, SsoProperties properties, ObjectMapper json) {
        this.identities = identities;
        this.properties = properties;
        this.json = json;
    }

    // ---- discovery -------------------------------------------------------------------------------

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<String> serviceProviderConfig() {
        return answer(() -> {
            ObjectNode n = json.createObjectNode();
            n.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
            n.put("documentationUri", "https://github.com/auditflow/auditflow/blob/main/docs/sso.md");
            n.putObject("patch").put("supported", true);
            n.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
            n.putObject("filter").put("supported", true).put("maxResults", MAX_COUNT);
            n.putObject("changePassword").put("supported", false);
            n.putObject("sort").put("supported", false);
            n.putObject("etag").put("supported", false);
            n.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken").put("name", "SCIM token")
                    .put("description", "The token an admin makes with POST /api/admin/scim-token").put("primary", true);
            n.putObject("meta").put("resourceType", "ServiceProviderConfig").put("location", base() + "/ServiceProviderConfig");
            return ok(n);
        });
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<String> resourceTypes() {
        return answer(() -> ok(ScimJson.list(json, 2, 1, List.of(
                resourceType("User", "/Users", ScimJson.USER_SCHEMA), resourceType("Group", "/Groups", ScimJson.GROUP_SCHEMA)))));
    }

    @GetMapping("/Schemas")
    ResponseEntity<String> schemas() {
        return answer(() -> ok(ScimJson.list(json, 2, 1, List.of(
                schema(ScimJson.USER_SCHEMA, "User", List.of("userName", "displayName", "externalId", "active", "emails")),
                schema(ScimJson.GROUP_SCHEMA, "Group", List.of("displayName", "externalId", "members"))))));
    }

    // ---- users ---------------------------------------------------------------------------------------

    @GetMapping("/Users")
    ResponseEntity<String> users(@RequestParam(required = false) String filter,
                                 @RequestParam(required = false) String startIndex,
                                 @RequestParam(required = false) String count) {
        return answer(() -> {
            String[] f = filter(filter, "userName", "externalId");
            int start = startIndex(startIndex);
            ExternalPage<ExternalUser> page = identities.findUsers(
                    "userName".equalsIgnoreCase(f[0]) ? f[1] : null, "externalId".equalsIgnoreCase(f[0]) ? f[1] : null,
                    start, count(count));
            return ok(ScimJson.list(json, page.total(), start, page.items().stream().map(u -> ScimJson.user(json, u, base())).toList()));
        });
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<String> user(@PathVariable String id) {
        return answer(() -> ok(ScimJson.user(json, identities.user(id(id)), base())));
    }

    @PostMapping("/Users")
    ResponseEntity<String> createUser(HttpServletRequest request) {
        return answer(() -> {
            ExternalUser created = identities.createUser(provisioned(body(request), true));
            return ResponseEntity.status(201).location(java.net.URI.create(base() + "/Users/" + created.id()))
                    .contentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE)).body(write(ScimJson.user(json, created, base())));
        });
    }

    @PutMapping("/Users/{id}")
    ResponseEntity<String> replaceUser(@PathVariable String id, HttpServletRequest request) {
        return answer(() -> ok(ScimJson.user(json, identities.replaceUser(id(id), provisioned(body(request), true)), base())));
    }

    @PatchMapping("/Users/{id}")
    ResponseEntity<String> patchUser(@PathVariable String id, HttpServletRequest request) {
        return answer(() -> {
            long userId = id(id);
            JsonNode body = body(request);
            String displayName = null;
            String email = null;
            String externalId = null;
            Boolean active = null;
            for (JsonNode op : operations(body)) {
                String kind = opName(op);
                String path = ScimJson.text(op, "path");
                JsonNode value = ScimJson.get(op, "value");
                if (kind.equals("remove")) {
                    continue;  // nothing a provider removes from a user matters to us (e.g. a manager or a phone)
                }
                List<String[]> changes = new ArrayList<>();
                if (path == null) {
                    if (value == null || !value.isObject()) {
                        throw ScimError.invalidValue("A PATCH without a path needs an object value");
                    }
                    value.fields().forEachRemaining(e -> changes.add(new String[] {e.getKey(), null}));
                    for (String[] c : changes) {
                        JsonNode v = ScimJson.get(value, c[0]);
                        if (c[0].equalsIgnoreCase("active")) {
                            active = ScimJson.bool(v);
                        } else if (c[0].equalsIgnoreCase("displayName")) {
                            displayName = v.asText();
                        } else if (c[0].equalsIgnoreCase("externalId")) {
                            externalId = v.asText();
                        } else if (c[0].equalsIgnoreCase("emails")) {
                            email = primaryEmail(v);
                        } else if (c[0].equalsIgnoreCase("emails[type eq \"work\"].value")) {
                            email = v.asText();
                        } else if (c[0].equalsIgnoreCase("name.formatted") && displayName == null) {
                            displayName = v.asText();
                        }
                    }
                } else if (path.equalsIgnoreCase("active")) {
                    active = ScimJson.bool(value);
                } else if (path.equalsIgnoreCase("displayName")) {
                    displayName = value == null ? null : value.asText();
                } else if (path.equalsIgnoreCase("externalId")) {
                    externalId = value == null ? null : value.asText();
                } else if (path.equalsIgnoreCase("emails[type eq \"work\"].value")) {
                    email = value == null ? null : value.asText();
                } else if (path.equalsIgnoreCase("emails")) {
                    email = primaryEmail(value);
                } else if (path.equalsIgnoreCase("name.formatted") && displayName == null) {
                    displayName = value == null ? null : value.asText();
                } else if (path.equalsIgnoreCase("userName")) {
                    String current = identities.user(userId).username();
                    if (value == null || !current.equalsIgnoreCase(value.asText())) {
                        throw new ScimError(400, "mutability", "The userName cannot change; create a new user instead");
                    }
                }
                // Other attributes (title, department, addresses, ...) are not kept by Auditflow.
            }
            return ok(ScimJson.user(json, identities.patchUser(userId, displayName, email, externalId, active), base()));
        });
    }

    @DeleteMapping("/Users/{id}")
    ResponseEntity<String> deleteUser(@PathVariable String id) {
        return answer(() -> {
            identities.deleteUser(id(id));
            return ResponseEntity.noContent().build();
        });
    }

    // ---- groups --------------------------------------------------------------------------------------

    @GetMapping("/Groups")
    ResponseEntity<String> groups(@RequestParam(required = false) String filter,
                                  @RequestParam(required = false) String startIndex,
                                  @RequestParam(required = false) String count,
                                  @RequestParam(required = false) String excludedAttributes) {
        return answer(() -> {
            String[] f = filter(filter, "displayName", "externalId");
            int start = startIndex(startIndex);
            ExternalPage<ExternalGroup> page = identities.findGroups(
                    "displayName".equalsIgnoreCase(f[0]) ? f[1] : null, "externalId".equalsIgnoreCase(f[0]) ? f[1] : null,
                    start, count(count));
            boolean members = !excludes(excludedAttributes, "members");
            return ok(ScimJson.list(json, page.total(), start,
                    page.items().stream().map(g -> ScimJson.group(json, g, base(), members)).toList()));
        });
    }

    @GetMapping("/Groups/{id}")
    ResponseEntity<String> group(@PathVariable String id, @RequestParam(required = false) String excludedAttributes) {
        return answer(() -> ok(ScimJson.group(json, identities.group(id(id)), base(), !excludes(excludedAttributes, "members"))));
    }

    @PostMapping("/Groups")
    ResponseEntity<String> createGroup(HttpServletRequest request) {
        return answer(() -> {
            JsonNode body = body(request);
            JsonNode memberList = ScimJson.get(body, "members");
            List<Long> members = memberList == null || memberList.isNull() ? null : memberIds(memberList);
            ExternalGroup created = identities.createGroup(ScimJson.text(body, "displayName"), ScimJson.text(body, "externalId"),
                    members);
            rederiveRoles(created.members().stream().map(ExternalGroup.Member::id).toList());
            return ResponseEntity.status(201).location(java.net.URI.create(base() + "/Groups/" + created.id()))
                    .contentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE))
                    .body(write(ScimJson.group(json, identities.group(created.id()), base(), true)));
        });
    }

    @PutMapping("/Groups/{id}")
    ResponseEntity<String> replaceGroup(@PathVariable String id, HttpServletRequest request) {
        return answer(() -> {
            long groupId = id(id);
            JsonNode body = body(request);
            JsonNode members = ScimJson.get(body, "members");
            Set<Long> before = memberSet(groupId);
            ExternalGroup g = identities.updateGroup(groupId, ScimJson.text(body, "displayName"),
                    ScimJson.text(body, "externalId"), members == null ? null : memberIds(members));
            before.addAll(g.members().stream().map(ExternalGroup.Member::id).toList());
            rederiveRoles(before);
            return ok(ScimJson.group(json, identities.group(groupId), base(), true));
        });
    }

    @PatchMapping("/Groups/{id}")
    ResponseEntity<String> patchGroup(@PathVariable String id, HttpServletRequest request) {
        return answer(() -> {
            long groupId = id(id);
            JsonNode body = body(request);
            Set<Long> touched = memberSet(groupId);
            for (JsonNode op : operations(body)) {
                String kind = opName(op);
                String path = ScimJson.text(op, "path");
                JsonNode value = ScimJson.get(op, "value");
                Matcher one = path == null ? null : MEMBER_PATH.matcher(path.strip());
                if (path != null && path.equalsIgnoreCase("members")) {
                    List<Long> ids = value == null ? List.of() : memberIds(value);
                    touched.addAll(ids);
                    switch (kind) {
                        case "add" -> identities.addMembers(groupId, ids);
                        case "remove" -> {
                            if (value == null) {
                                identities.updateGroup(groupId, null, null, List.of());
                            } else {
                                identities.removeMembers(groupId, ids);
                            }
                        }
                        default -> identities.updateGroup(groupId, null, null, ids);
                    }
                } else if (one != null && one.matches() && kind.equals("remove")) {
                    identities.removeMembers(groupId, List.of(memberId(one.group(1))));
                } else if (path != null && path.equalsIgnoreCase("displayName")) {
                    identities.updateGroup(groupId, value == null ? null : value.asText(), null, null);
                } else if (path != null && path.equalsIgnoreCase("externalId")) {
                    identities.updateGroup(groupId, null, value == null ? null : value.asText(), null);
                } else if (path == null && value != null && value.isObject() && !kind.equals("remove")) {
                    JsonNode members = ScimJson.get(value, "members");
                    List<Long> ids = members == null ? null : memberIds(members);
                    if (ids != null) {
                        touched.addAll(ids);
                    }
                    if (kind.equals("add") && ids != null) {
                        identities.addMembers(groupId, ids);
                        ids = null;
                    }
                    identities.updateGroup(groupId, ScimJson.text(value, "displayName"), ScimJson.text(value, "externalId"), ids);
                } else {
                    throw new ScimError(400, "invalidPath", "Auditflow cannot " + kind + " '" + path + "' on a group");
                }
            }
            rederiveRoles(touched);
            return ResponseEntity.noContent().build();
        });
    }

    @DeleteMapping("/Groups/{id}")
    ResponseEntity<String> deleteGroup(@PathVariable String id) {
        return answer(() -> {
            long groupId = id(id);
            Set<Long> members = memberSet(groupId);
            identities.deleteGroup(groupId);
            rederiveRoles(members);
            return ResponseEntity.noContent().build();
        });
    }

    // ---- internals -----------------------------------------------------------------------------------

    /** Roles follow the provisioned groups a user is in, through {@code auditflow.sso.role-mapping}. */
    private void rederiveRoles(Iterable<Long> userIds) {
        for (Long userId : new LinkedHashSet<>(toList(userIds))) {
            List<ExternalUser.GroupRef> groups;
            try {
                groups = identities.groupsOf(userId);
            } catch (NotFoundException e) {
                continue;  // a local account in an adopted team: its roles are the admin's business
            }
            List<String> names = new ArrayList<>();
            for (ExternalUser.GroupRef g : groups) {
                if (g.external()) {
                    names.add(g.name());
                    if (g.externalId() != null) {
                        names.add(g.externalId());
                    }
                }
            }
            identities.setProvisionedRoles(userId, properties.rolesOf(names));
        }
    }

    private static List<Long> toList(Iterable<Long> ids) {
        List<Long> list = new ArrayList<>();
        ids.forEach(list::add);
        return list;
    }

    private Set<Long> memberSet(long groupId) {
        return new LinkedHashSet<>(identities.group(groupId).members().stream().map(ExternalGroup.Member::id).toList());
    }

    private ProvisionedUser provisioned(JsonNode body, boolean defaultActive) {
        String userName = ScimJson.text(body, "userName");
        if (userName == null) {
            throw ScimError.invalidValue("userName is required");
        }
        String displayName = ScimJson.text(body, "displayName");
        JsonNode name = ScimJson.get(body, "name");
        if (displayName == null && name != null) {
            displayName = ScimJson.text(name, "formatted");
            if (displayName == null) {
                displayName = (nullToEmpty(ScimJson.text(name, "givenName")) + " " + nullToEmpty(ScimJson.text(name, "familyName"))).strip();
            }
        }
        Boolean active = ScimJson.bool(ScimJson.get(body, "active"));
        return new ProvisionedUser(userName, displayName == null ? "" : displayName, primaryEmail(ScimJson.get(body, "emails")),
                ScimJson.text(body, "externalId"), active == null ? defaultActive : active);
    }

    private static String primaryEmail(JsonNode emails) {
        if (emails == null || !emails.isArray() || emails.isEmpty()) {
            return null;
        }
        for (JsonNode e : emails) {
            if (Boolean.TRUE.equals(ScimJson.bool(ScimJson.get(e, "primary")))) {
                return ScimJson.text(e, "value");
            }
        }
        return ScimJson.text(emails.get(0), "value");
    }

    private static List<JsonNode> operations(JsonNode body) {
        JsonNode ops = ScimJson.get(body, "Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw new ScimError(400, "invalidSyntax", "A PATCH needs a non-empty Operations list");
        }
        List<JsonNode> list = new ArrayList<>();
        ops.forEach(list::add);
        return list;
    }

    private static String opName(JsonNode op) {
        String kind = ScimJson.text(op, "op");
        String k = kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT);
        if (!Set.of("add", "remove", "replace").contains(k)) {
            throw new ScimError(400, "invalidSyntax", "op must be add, remove or replace");
        }
        return k;
    }

    private static List<Long> memberIds(JsonNode members) {
        if (!members.isArray()) {
            throw ScimError.invalidValue("members must be a list");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode m : members) {
            ids.add(memberId(ScimJson.text(m, "value")));
        }
        return ids;
    }

    private static long memberId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ScimError.invalidValue("No user '" + abbreviate(value) + "'");
        }
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ScimError.notFound("No resource " + abbreviate(id));
        }
    }

    private static String[] filter(String filter, String... attributes) {
        if (filter == null || filter.isBlank()) {
            return new String[] {"", null};
        }
        if (filter.length() > 500) {
            throw new ScimError(400, "invalidFilter", "The filter is too long");
        }
        Matcher m = FILTER.matcher(filter);
        if (m.matches()) {
            for (String a : attributes) {
                if (a.equalsIgnoreCase(m.group(1))) {
                    return new String[] {a, m.group(2).replace("\\\"", "\"").replace("\\\\", "\\")};
                }
            }
        }
        throw new ScimError(400, "invalidFilter", "Only " + String.join(" or ", attributes) + " eq \"...\" filters are supported");
    }

    private static int startIndex(String raw) {
        try {
            return raw == null ? 1 : Math.max(1, Integer.parseInt(raw.strip()));
        } catch (NumberFormatException e) {
            throw ScimError.invalidValue("startIndex must be a number");
        }
    }

    private static int count(String raw) {
        try {
            return raw == null ? 100 : Math.min(MAX_COUNT, Math.max(0, Integer.parseInt(raw.strip())));
        } catch (NumberFormatException e) {
            throw ScimError.invalidValue("count must be a number");
        }
    }

    private static boolean excludes(String excludedAttributes, String attribute) {
        return excludedAttributes != null && java.util.Arrays.stream(excludedAttributes.split(","))
                .anyMatch(a -> a.strip().equalsIgnoreCase(attribute));
    }

    private JsonNode body(HttpServletRequest request) {
        try {
            return ScimJson.readBody(json, request.getInputStream());
        } catch (IOException e) {
            throw new ScimError(400, "invalidSyntax", "The body could not be read");
        }
    }

    private ObjectNode resourceType(String name, String endpoint, String schema) {
        ObjectNode n = json.createObjectNode();
        n.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        n.put("id", name).put("name", name).put("endpoint", endpoint).put("schema", schema);
        n.putObject("meta").put("resourceType", "ResourceType").put("location", base() + "/ResourceTypes/" + name);
        return n;
    }

    private ObjectNode schema(String id, String name, List<String> attributes) {
        ObjectNode n = json.createObjectNode();
        n.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
        n.put("id", id).put("name", name);
        ArrayNode attrs = n.putArray("attributes");
        for (String a : attributes) {
            boolean multi = a.equals("emails") || a.equals("members");
            attrs.addObject().put("name", a)
                    .put("type", a.equals("active") ? "boolean" : multi ? "complex" : "string")
                    .put("multiValued", multi).put("required", a.equals("userName") || (name.equals("Group") && a.equals("displayName")))
                    .put("mutability", a.equals("userName") ? "immutable" : "readWrite")
                    .put("returned", "default").put("uniqueness", a.equals("userName") ? "server" : "none");
        }
        n.putObject("meta").put("resourceType", "Schema").put("location", base() + "/Schemas/" + id);
        return n;
    }

    private ResponseEntity<String> ok(JsonNode body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE)).body(write(body));
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every answer, errors included, is SCIM JSON: our rules' exceptions become RFC 7644 error bodies. */
    private ResponseEntity<String> answer(Supplier<ResponseEntity<String>> work) {
        ScimError error;
        try {
            return work.get();
        } catch (ScimError e) {
            error = e;
        } catch (ValidationException e) {
            error = ScimError.invalidValue(e.errors().isEmpty() ? "Invalid value"
                    : e.errors().get(0).field() + ": " + e.errors().get(0).message());
        } catch (ConflictException e) {
            error = new ScimError(409, "uniqueness", e.getMessage());
        } catch (NotFoundException e) {
            error = ScimError.notFound(e.getMessage());
        } catch (AccessDeniedException e) {
            error = new ScimError(403, null, "Only the SCIM token may provision");
        } catch (RuntimeException e) {
            log.error("SCIM request failed", e);
            error = new ScimError(500, null, "Auditflow could not do this; the log has the details");
        }
        return ResponseEntity.status(error.status).contentType(MediaType.parseMediaType(ScimJson.MEDIA_TYPE))
                .body(write(ScimJson.error(json, error)));
    }

    private String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").toUriString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        String v = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }
}
