package fi.ecosystem.gateway.errors;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * An address no route serves, or a status the gateway raises itself, answers a browser with a page in its
 * language. Everything else (and every non-browser request) goes on to Boot's handler, which writes JSON.
 */
@Component
@Order(-2)
class BrowserErrorHandler implements WebExceptionHandler {

    private final BrowserErrorPage pages;

    BrowserErrorHandler(BrowserErrorPage pages) {
        this.pages = pages;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ResponseStatusException status && BrowserErrorPage.wantsPage(exchange)) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code == HttpStatus.NOT_FOUND || code == HttpStatus.FORBIDDEN || code == HttpStatus.SERVICE_UNAVAILABLE) {
                return pages.write(exchange, code, String.valueOf(code.value()));
            }
        }
        return Mono.error(failure);
    }
}
