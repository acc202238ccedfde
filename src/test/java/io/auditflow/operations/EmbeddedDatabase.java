package io.auditflow.operations;

import java.nio.file.Path;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The embedded default's database URL exactly as application.yml sets it, moved into a test directory. */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static String configuredUrl() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties props = yaml.getObject();
        return props.getProperty("spring.datasource.url");
    }

    /** The configured URL with its {@code ./data} folder replaced by {@code dir}. */
    public static String urlIn(Path dir) {
        String url = configuredUrl();
        if (!url.startsWith("jdbc:h2:file:./data/")) {
            throw new IllegalStateException("The embedded default is no longer an H2 file under ./data: " + url);
        }
        return url.replace("jdbc:h2:file:./data/", "jdbc:h2:file:" + dir.toAbsolutePath().toString().replace('\\', '/') + "/");
    }
}
