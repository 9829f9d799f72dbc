package fi.ecosystem.platform.web;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized bodies with 413 before anything reads them. Uploads (multipart) have their own,
 * larger limit in Spring's multipart settings.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimitFilter(DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > maxBytes) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "The request body is larger than " + maxBytes + " bytes");
            return;
        }
        if (!multipart && request.getContentLengthLong() < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))) {
            // no declared length: refuse instead of reading an unbounded body into memory
            Problems.write(response, HttpStatus.LENGTH_REQUIRED, "length-required",
                    "Send the body with a Content-Length of at most " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }
}
