package pl.konwent.adapters.web.publication;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import pl.konwent.domain.publication.FeedEntry;
import pl.konwent.domain.publication.FeedService;

/**
 * A konwent's feed as Atom 1.0 (RFC 4287), written with the JDK's StAX writer so every text is escaped. Each entry
 * has a plain-text summary (the excerpt), a page for people ({@code alternate} text/html) and the API resource
 * ({@code alternate} application/json), and its kind as a category. No WebSub hub is announced: see README.
 */
final class AtomFeed {
    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String of(FeedService.Feed feed, URI self, FeedLinks links) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "pl");
            text(xml, "id", links.konwent(feed.konwent().id().value()).toString());
            text(xml, "title", feed.konwent().name());
            if (feed.konwent().description() != null) {
                text(xml, "subtitle", feed.konwent().description());
            }
            text(xml, "updated", time(feed.updated()));
            xml.writeStartElement("author");
            text(xml, "name", feed.konwent().name());
            xml.writeEndElement();
            link(xml, "self", self, MEDIA_TYPE);
            link(xml, "alternate", links.portal(feed.konwent().id().value()), "text/html");
            link(xml, "alternate", links.konwent(feed.konwent().id().value()), "application/json");
            text(xml, "generator", "Konwent API");
            for (FeedEntry entry : feed.entries()) {
                URI address = links.of(entry);
                xml.writeStartElement("entry");
                text(xml, "id", address.toString());
                text(xml, "title", entry.title());
                text(xml, "published", time(entry.published()));
                text(xml, "updated", time(entry.updated()));
                link(xml, "alternate", links.page(entry), "text/html");
                link(xml, "alternate", address, "application/json");
                category(xml, entry.kind().name(), FeedLinks.KIND_SCHEME, FeedLinks.label(entry.kind()));
                if (feed.sources().size() > 1) {
                    category(xml, entry.konwentId(), FeedLinks.KONWENT_SCHEME, null);
                }
                if (entry.summary() != null) {
                    text(xml, "summary", entry.summary());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed", e);
        }
        return out.toString();
    }

    /** RFC 3339 in UTC, to the second (Atom's date construct). */
    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, URI href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href.toString());
    }

    private static void category(XMLStreamWriter xml, String term, String scheme, String label)
            throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", term);
        xml.writeAttribute("scheme", scheme);
        if (label != null) {
            xml.writeAttribute("label", label);
        }
    }
}
