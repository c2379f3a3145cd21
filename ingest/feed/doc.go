// Package feed reads RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed documents
// with github.com/mmcdole/gofeed, whose universal Feed is the wire shape;
// adapter.go turns each item into a dyad.Document.
//
// An item's text is its full content (content:encoded, Atom content) or
// else its description or summary, converted from HTML to text with
// paragraph breaks. Items are not fetched from their links: a feed that
// carries only teasers yields teaser documents.
package feed
