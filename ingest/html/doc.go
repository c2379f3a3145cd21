// Package html reads news articles from HTML pages: the main text, with
// navigation, ads, asides and footers removed by readability
// (codeberg.org/readeck/go-readability/v2), and the metadata that pages
// declare in their head and in JSON-LD: title, canonical URL, outlet,
// publication time and language.
//
// The package also converts HTML fragments, such as feed item content, to
// text with paragraph breaks (FragmentText), so every input format yields
// text of the same shape: paragraphs separated by blank lines.
package html
