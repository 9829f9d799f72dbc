package fi.ecosystem.projects.api;

import java.util.List;

/** One page of a list, the shape every API of the platform answers lists in. */
public record ItemsPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public ItemsPage {
        items = items == null ? List.of() : items;
    }
}
