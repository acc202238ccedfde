package io.auditflow.control;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.common.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The framework catalogues and crosswalks, read once from the data files on the classpath
 * ({@code catalogues/*.json}, {@code crosswalks/*.json}). Adding a framework is adding a file.
 * A file with a duplicate id or a crosswalk naming an unknown id stops the start (docs/decisions/0070).
 */
@Component
public class Catalogues {

    private final Map<String, Catalogue> catalogues = new LinkedHashMap<>();
    private final List<Crosswalk> crosswalks = new ArrayList<>();

    public Catalogues() {
        this("classpath*:catalogues/*.json", "classpath*:crosswalks/*.json");
    }

    Catalogues(String cataloguePattern, String crosswalkPattern) {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (Resource r : sorted(resolver.getResources(cataloguePattern))) {
                try (InputStream in = r.getInputStream()) {
                    Catalogue c = json.readValue(in, Catalogue.class);
                    check(c, r.getFilename());
                    if (catalogues.putIfAbsent(c.code(), c) != null) {
                        throw new IllegalStateException("Two catalogues use the code " + c.code());
                    }
                }
            }
            for (Resource r : sorted(resolver.getResources(crosswalkPattern))) {
                try (InputStream in = r.getInputStream()) {
                    Crosswalk w = json.readValue(in, Crosswalk.class);
                    check(w, r.getFilename());
                    crosswalks.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the framework catalogues", e);
        }
    }

    private static List<Resource> sorted(Resource[] resources) {
        List<Resource> list = new ArrayList<>(List.of(resources));
        list.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
        return list;
    }

    private static void check(Catalogue c, String file) {
        if (c.code() == null || !c.code().matches("[A-Z0-9_]{2,20}")) {
            throw new IllegalStateException(file + ": the code must be 2-20 capitals, digits or '_'");
        }
        Set<String> ids = new HashSet<>();
        for (Requirement r : c.requirements()) {
            if (r.id() == null || !r.id().matches("[A-Za-z0-9.\\-]{1,20}") || r.title() == null || r.title().isBlank()) {
                throw new IllegalStateException(file + ": item '" + r.id() + "' needs an id of up to 20 plain characters and a title");
            }
            if (!ids.add(r.id())) {
                throw new IllegalStateException(file + ": the id " + r.id() + " appears twice");
            }
        }
    }

    private void check(Crosswalk w, String file) {
        Catalogue from = catalogue(w.from());
        Catalogue to = catalogue(w.to());
        Set<String> pairs = new HashSet<>();
        for (Crosswalk.Mapping m : w.mappings()) {
            if (!from.contains(m.from()) || !to.contains(m.to())) {
                throw new IllegalStateException(file + ": " + m.from() + " -> " + m.to() + " names an id its catalogue lacks");
            }
            if (m.relationship() == null || m.rationale() == null || m.rationale().isBlank()) {
                throw new IllegalStateException(file + ": " + m.from() + " -> " + m.to() + " needs a relationship and a rationale");
            }
            if (!pairs.add(m.from() + "|" + m.to())) {
                throw new IllegalStateException(file + ": the pair " + m.from() + " -> " + m.to() + " appears twice");
            }
        }
        for (Crosswalk.Unmapped u : w.unmapped()) {
            if (!catalogue(u.framework()).contains(u.id())) {
                throw new IllegalStateException(file + ": unmapped " + u.id() + " is not in " + u.framework());
            }
        }
    }

    public List<Catalogue> all() {
        return List.copyOf(catalogues.values());
    }

    public Optional<Catalogue> find(String code) {
        return Optional.ofNullable(code == null ? null : catalogues.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    public Catalogue catalogue(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("No framework catalogue '" + shorten(code)
                + "'; use one of " + String.join(", ", catalogues.keySet())));
    }

    /** The crosswalk between two catalogues, read in the asked direction. */
    public Crosswalk crosswalk(String from, String to) {
        String f = catalogue(from).code();
        String t = catalogue(to).code();
        for (Crosswalk w : crosswalks) {
            if (w.from().equals(f) && w.to().equals(t)) {
                return w;
            }
            if (w.from().equals(t) && w.to().equals(f)) {
                return w.reversed();
            }
        }
        throw new NotFoundException("No crosswalk between " + f + " and " + t);
    }

    public List<Crosswalk> crosswalks() {
        return List.copyOf(crosswalks);
    }

    /** Error messages echo a caller's text only shortened and without control characters. */
    static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
