package fi.ecosystem.platform.web;

/** Answers 404: the thing does not exist, or the caller may not know that it does. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
