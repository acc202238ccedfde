package io.auditflow.common;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Unknown API addresses get a JSON 404 instead of falling through to the web UI. */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown() {
        throw new NotFoundException("There is nothing at this API address");
    }
}
