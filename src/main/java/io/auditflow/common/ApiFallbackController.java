package io.auditflow.common;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Unknown API addresses get a JSON 404 instead of falling through to the web UI. Because this
 * catch-all matches every method and media type, it also answers what Spring would have said had
 * it not been here: 405 when the address exists for other methods, 415 or 406 when it exists but
 * not for the request's Content-Type or Accept. Left out of the OpenAPI document.
 */
@Hidden
@RestController
class ApiFallbackController {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    ApiFallbackController(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) throws Exception {
        Set<RequestMethod> methods = EnumSet.noneOf(RequestMethod.class);
        boolean sameMethod = false;
        boolean consumes = true;
        Set<MediaType> consumable = new java.util.LinkedHashSet<>();
        RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
        if (mapping != null) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null
                        || info.getPathPatternsCondition().getPatternValues().contains("/api/**")
                        || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                    continue;
                }
                methods.addAll(info.getMethodsCondition().getMethods());
                if (info.getMethodsCondition().getMatchingCondition(request) != null) {
                    sameMethod = true;
                    consumes &= info.getConsumesCondition().getMatchingCondition(request) != null;
                    consumable.addAll(info.getConsumesCondition().getConsumableMediaTypes());
                }
            }
        }
        if (!methods.isEmpty() && !sameMethod) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(),
                    methods.stream().map(Enum::name).toList());
        }
        if (sameMethod && !consumes) {
            throw new HttpMediaTypeNotSupportedException(request.getContentType() == null ? null
                    : MediaType.parseMediaType(request.getContentType()), List.copyOf(consumable));
        }
        if (sameMethod) {
            throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
        }
        throw new NotFoundException("There is nothing at this API address");
    }
}
