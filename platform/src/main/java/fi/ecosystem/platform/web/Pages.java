package fi.ecosystem.platform.web;

import fi.ecosystem.contracts.ItemsPage;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A Spring Data page as the APIs answer lists ({@link ItemsPage}). */
public final class Pages {

    private Pages() {
    }

    public static <S, T> ItemsPage<T> of(Page<S> page, Function<S, T> mapper) {
        return new ItemsPage<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
