package io.auditflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Lets process expressions reach only the Spring beans that our own models name (issue 10, finding 4):
 * Camunda's {@code beans} map replaces the resolver that would hand any bean, such as
 * {@code jdbcTemplate}, to any deployed model. The names are read from {@code bpmn/*.bpmn} at start-up,
 * so a new delegate in a model needs no change here.
 */
@Component
public class EngineExpressionBeans extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineExpressionBeans.class);
    static final String MODELS = "classpath*:bpmn/*.bpmn";
    // The first name inside ${...} or #{...}: a variable or a bean.
    private static final Pattern EXPRESSION_ROOT = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private final ApplicationContext context;

    EngineExpressionBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Set<String> allowed = new TreeSet<>();
        for (String name : namesInModels()) {
            if (context.containsBean(name)) {
                allowed.add(name);
            }
        }
        Map<Object, Object> beans = new LazyBeans(context, allowed);
        configuration.setBeans(beans);
        // The Spring engine factory built its expression manager before plugins run; rebuild it with the map.
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
        log.info("Process expressions may use these beans: {}", allowed);
    }

    /**
     * The allowed beans, fetched when an expression first needs one: the engine starts before some
     * delegates can be created (they depend on the engine's services).
     */
    private static final class LazyBeans extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private final Set<String> names;

        LazyBeans(ApplicationContext context, Set<String> names) {
            this.context = context;
            this.names = Set.copyOf(names);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && names.contains(name);
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            Map<Object, Object> all = new TreeMap<>();
            names.forEach(n -> all.put(n, context.getBean(n)));
            return all.entrySet();
        }

        @Override
        public Object put(Object key, Object value) {
            throw new UnsupportedOperationException("Process expressions may not add beans");
        }
    }

    /** Every name that starts an expression in our process models. */
    static Set<String> namesInModels() {
        Set<String> names = new TreeSet<>();
        try {
            for (Resource model : new PathMatchingResourcePatternResolver().getResources(MODELS)) {
                try (InputStream in = model.getInputStream()) {
                    Matcher m = EXPRESSION_ROOT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the process models " + MODELS, e);
        }
        return names;
    }
}
