package fi.ecosystem.gateway.security;

import fi.ecosystem.gateway.errors.ProblemResponses;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading a form's {@code _csrf} field consumes the request body, and the gateway would then forward an
 * empty body to the page. So the body of a signed-in browser's form post (urlencoded or a file upload)
 * is read once, before security, and replayed: to the CSRF check as form data, and to the web UI as the
 * body. Only for a session that has signed in, and within a small limit (uploads, which only staff make,
 * have their own): an anonymous client cannot make the gateway hold or parse its body before security.
 * Public forms need no {@code _csrf} (GatewaySecurity), so their bodies stream through untouched.
 */
@Component
class FormBodyReplay implements WebFilter, Ordered {

    static final int MAX_FORM_BYTES = 256 * 1024;
    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    /** The order of Spring Security's WebFilterChainProxy in WebFlux (WebFluxSecurityConfiguration). */
    private static final int SECURITY = -100;
    private static final ResolvableType FORM = ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class, String.class);
    private static final ResolvableType PARTS = ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class, Part.class);

    private final HttpMessageReader<MultiValueMap<String, String>> formReader;
    private final HttpMessageReader<MultiValueMap<String, Part>> partsReader;

    @SuppressWarnings("unchecked")
    FormBodyReplay(ServerCodecConfigurer codecs) {
        this.formReader = (HttpMessageReader<MultiValueMap<String, String>>) codecs.getReaders().stream()
                .filter(reader -> reader.canRead(FORM, MediaType.APPLICATION_FORM_URLENCODED)).findFirst().orElseThrow();
        this.partsReader = (HttpMessageReader<MultiValueMap<String, Part>>) codecs.getReaders().stream()
                .filter(reader -> reader.canRead(PARTS, MediaType.MULTIPART_FORM_DATA)).findFirst().orElseThrow();
    }

    @Override
    public int getOrder() {
        return SECURITY - 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        boolean urlencoded = type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type);
        boolean upload = type != null && MediaType.MULTIPART_FORM_DATA.includes(type);
        if (!(urlencoded || upload) || HttpMethod.GET.equals(request.getMethod()) || request.getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        int limit = upload ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES;
        long declared = request.getHeaders().getContentLength();
        return exchange.getSession().map(FormBodyReplay::signedIn).flatMap(signedIn -> {
            if (!signedIn) {
                return chain.filter(bodyUnread(exchange));
            }
            if (declared > limit) {
                return tooLarge(exchange);
            }
            return DataBufferUtils.join(request.getBody(), limit)
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> chain.filter(replaying(exchange, bytes)))
                    .onErrorResume(DataBufferLimitException.class, overLimit -> tooLarge(exchange));
        });
    }

    /**
     * Without a session the CSRF check sees no form fields (a token can only come in the header), so nothing
     * reads the body before security: it streams to the page once, and a form that needs the token needs a
     * signed-in session.
     */
    private static ServerWebExchange bodyUnread(ServerWebExchange exchange) {
        return new ServerWebExchangeDecorator(exchange) {
            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                return Mono.just(new LinkedMultiValueMap<>());
            }

            @Override
            public Mono<MultiValueMap<String, Part>> getMultipartData() {
                return Mono.just(new LinkedMultiValueMap<>());
            }
        };
    }

    private static boolean signedIn(WebSession session) {
        Object context = session.getAttribute(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
        return context instanceof SecurityContext security && security.getAuthentication() != null
                && security.getAuthentication().isAuthenticated();
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange) {
        return ProblemResponses.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "The form is larger than the gateway accepts");
    }

    private ServerWebExchange replaying(ServerWebExchange exchange, byte[] bytes) {
        ServerHttpRequest replay = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
        ServerWebExchange mutated = exchange.mutate().request(replay).build();
        Mono<MultiValueMap<String, String>> formData = formReader
                .readMono(FORM, replay, Map.of()).cache();
        Mono<MultiValueMap<String, Part>> multipartData = partsReader
                .readMono(PARTS, replay, Map.of()).cache();
        return new ServerWebExchangeDecorator(mutated) {
            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                MediaType type = replay.getHeaders().getContentType();
                return type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type) ? formData : super.getFormData();
            }

            @Override
            public Mono<MultiValueMap<String, Part>> getMultipartData() {
                MediaType type = replay.getHeaders().getContentType();
                return type != null && MediaType.MULTIPART_FORM_DATA.includes(type) ? multipartData : super.getMultipartData();
            }
        };
    }
}
