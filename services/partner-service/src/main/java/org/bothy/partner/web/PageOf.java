package org.bothy.partner.web;

import java.util.List;

/**
 * One page of a list a partner service answers with: the items, which page (from 0) of what size, and how many
 * items there are in all.
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public PageOf {
        items = List.copyOf(items);
    }
}
