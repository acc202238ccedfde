package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class HashedStaticCacheFilterTest {

    private MockHttpServletResponse serve(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new HashedStaticCacheFilter().doFilter(request, response, (req, res) ->
                ((HttpServletResponse) res).setHeader("Cache-Control", "max-age=3600"));
        return response;
    }

    @Test
    void a_bundle_file_with_a_content_hash_is_cached_for_a_year_whatever_vaadin_sets_later() throws Exception {
        assertThat(serve("/VAADIN/build/indexhtml-B4k2Xm9a.js").getHeader("Cache-Control"))
                .isEqualTo("public, max-age=31536000, immutable");
    }

    @Test
    void other_files_keep_the_cache_time_they_are_given() throws Exception {
        assertThat(serve("/VAADIN/build/index.html").getHeader("Cache-Control")).isEqualTo("max-age=3600");
        assertThat(serve("/images/logo-B4k2Xm9a.png").getHeader("Cache-Control")).isEqualTo("max-age=3600");
    }
}
