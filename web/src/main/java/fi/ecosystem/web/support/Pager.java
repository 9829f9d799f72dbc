package fi.ecosystem.web.support;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a page of a list is: "n–m of N" and the links to the previous and next page, each this page's own
 * address with another page number. For the fragment {@code fragments/paging :: pager}.
 */
public final class Pager {

    /** Rows per page of the staff lists: quick to render on a phone, and within what every service gives. */
    public static final int SIZE = 50;

    private final int page;
    private final long first;
    private final long last;
    private final long total;
    private final UriComponentsBuilder here;
    private final String parameter;

    private Pager(int page, long first, long last, long total, UriComponentsBuilder here, String parameter) {
        this.page = page;
        this.first = first;
        this.last = last;
        this.total = total;
        this.here = here;
        this.parameter = parameter;
    }

    /** A page of a list: its number and size as the service answered it, how many there are and how many it shows. */
    public static Pager of(int page, int size, long total, int shown, UriComponentsBuilder here) {
        long first = shown == 0 ? 0 : (long) page * size + 1;
        return new Pager(page, first, shown == 0 ? 0 : first + shown - 1, total, here, "page");
    }

    /** The same with another name for the page number, for a page that lists more than one thing. */
    public Pager withParameter(String name) {
        return new Pager(page, first, last, total, here, name);
    }

    public long first() {
        return first;
    }

    public long last() {
        return last;
    }

    public long total() {
        return total;
    }

    /** The link to the previous page, or null on the first. */
    public String previous() {
        return page > 0 ? link(page - 1) : null;
    }

    /** The link to the next page, or null on the last. */
    public String next() {
        return last < total && last > 0 ? link(page + 1) : null;
    }

    /** More than one page: only then are the links shown. */
    public boolean several() {
        return previous() != null || next() != null;
    }

    private String link(int number) {
        return here.cloneBuilder().replaceQueryParam(parameter, number).build().encode().toUriString();
    }
}
