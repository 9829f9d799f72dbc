package fi.ecosystem.gateway.security;

import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading a form's {@code _csrf} field consumes the request body, and the gateway would then forward an
 * empty body to the page. So the body of a browser's form post (urlencoded or a file upload) is read
 * once, before security, and replayed: to the CSRF check as form data, and to the web UI as the body.
 */
@Component
class FormBodyReplay implements WebFilter, Ordered {

    static final int MAX_BYTES = 10 * 1024 * 1024;
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
        boolean form = type != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(type) || MediaType.MULTIPART_FORM_DATA.includes(type));
        if (!form || HttpMethod.GET.equals(request.getMethod()) || request.getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), MAX_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> chain.filter(replaying(exchange, bytes)));
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
