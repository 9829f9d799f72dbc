package fi.ecosystem.contracts;

import java.util.List;

/**
 * One page of a list, the shape every API of the platform answers lists in: the services answer it (platform's
 * {@code Pages} makes it from a Spring Data page) and the typed clients of the {@code *-api} modules read it.
 */
public record ItemsPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public ItemsPage {
        items = items == null ? List.of() : items;
    }
}
