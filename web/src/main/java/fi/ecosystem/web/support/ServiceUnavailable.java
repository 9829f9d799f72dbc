package fi.ecosystem.web.support;

/** A service did not answer (down, timed out, 5xx): pages say so and keep what the user typed. */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " is not answering", cause);
    }
}
