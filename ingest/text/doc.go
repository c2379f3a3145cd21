// Package text reads plain-text and Markdown documents.
//
// Plain text is kept as given (less a byte-order mark): the pipeline
// normalizes text, so a reader that rewrote it would make document IDs
// depend on the input format. Markdown is stripped of its syntax — heading
// markers, emphasis, link and image syntax, code fences, quote and bullet
// markers — keeping the words and the paragraph breaks; its first level-one
// heading becomes the title, and a YAML-style front matter block may give
// the title, date, URL, outlet and language.
//
// Citation markers such as "[1][2]" are text, not links, unless a reference
// definition ("[1]: https://…") names them.
package text
