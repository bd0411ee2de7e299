package pl.konwent.adapters.web.http;

import java.util.List;

/** The body of every list: one page of items and the cursor of the next page, null on the last. */
public record PageView<T>(List<T> items, String next) {
}
