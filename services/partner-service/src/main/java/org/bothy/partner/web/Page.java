package org.bothy.partner.web;

import java.util.List;

/**
 * One page of a list the service answers with: the items, where the page is, and how many there are in all.
 *
 * @param page zero-based page number
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    /** The page {@code page} of {@code size} items, holding {@code items}, out of {@code totalItems}. */
    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(List.copyOf(items), page, size, totalItems, (totalItems + size - 1) / size);
    }
}
