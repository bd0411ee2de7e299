package pl.konwent.adapters.web.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import pl.konwent.domain.documents.ArchiveChain;
import pl.konwent.domain.publication.FeedEntry;
import pl.konwent.domain.publication.FeedService;

/**
 * A konwent's feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1): each item's {@code url} is its page for
 * people, its {@code id} the address of the API resource; {@code summary} and {@code content_text} its excerpt.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                @JsonProperty("feed_url") String feedUrl, String description, String language, List<Author> authors,
                List<Item> items, @JsonProperty("_konwent") Extension konwent) {
    static final String MEDIA_TYPE = "application/feed+json";

    record Author(String name, String url) {
    }

    /** JSON Feed's extension for this API (a key starting with "_"): the feed's konwent's archive chain head (D3). */
    record Extension(ChainHead archiveChainHead) {
    }

    record ChainHead(long sequence, String hash, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, String title,
                @JsonProperty("content_text") String contentText, String summary,
                @JsonProperty("date_published") String datePublished,
                @JsonProperty("date_modified") String dateModified, List<String> tags) {
    }

    static JsonFeed of(FeedService.Feed feed, URI self, FeedLinks links, ArchiveChain.Head head, URI headUrl) {
        boolean aggregated = feed.sources().size() > 1;
        List<Item> items = new ArrayList<>();
        for (FeedEntry entry : feed.entries()) {
            String address = links.of(entry).toString();
            List<String> tags = aggregated ? List.of(entry.kind().name(), entry.konwentId())
                    : List.of(entry.kind().name());
            items.add(new Item(address, links.page(entry).toString(), entry.title(),
                    entry.summary() == null ? entry.title() : entry.summary(), entry.summary(),
                    AtomFeed.time(entry.published()), AtomFeed.time(entry.updated()), tags));
        }
        return new JsonFeed("https://jsonfeed.org/version/1.1", feed.konwent().name(),
                links.portal(feed.konwent().id().value()).toString(), self.toString(),
                feed.konwent().description(), "pl", List.of(new Author(feed.konwent().name(), links.portal(feed.konwent().id().value()).toString())), items,
                new Extension(new ChainHead(head.sequence(), head.hash(), headUrl.toString())));
    }
}
