package html

import (
	"encoding/json"
	"strings"
)

// ldNode is the wire shape of one JSON-LD node, as far as news pages use
// it. Values that schema.org allows in several shapes (a string, an
// object, an array of either) are kept raw and read by the helpers below.
type ldNode struct {
	Type             json.RawMessage `json:"@type"`
	Graph            json.RawMessage `json:"@graph"`
	Headline         json.RawMessage `json:"headline"`
	Name             json.RawMessage `json:"name"`
	DatePublished    json.RawMessage `json:"datePublished"`
	DateCreated      json.RawMessage `json:"dateCreated"`
	URL              json.RawMessage `json:"url"`
	MainEntityOfPage json.RawMessage `json:"mainEntityOfPage"`
	Publisher        json.RawMessage `json:"publisher"`
	SourceOrg        json.RawMessage `json:"sourceOrganization"`
	InLanguage       json.RawMessage `json:"inLanguage"`
}

// ldArticle is what the adapter takes from JSON-LD.
type ldArticle struct {
	Headline, Published, URL, Publisher, Language, SiteName string
}

// articleTypes are the schema.org types whose nodes describe the page's
// article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "backgroundnewsarticle": true, "reviewnewsarticle": true,
	"blogposting": true, "liveblogposting": true, "report": true, "socialmediaposting": true,
	"scholarlyarticle": true, "techarticle": true, "webpage": false,
}

// parseJSONLD reads the JSON-LD scripts of a page (each may hold an object,
// an array, or a @graph) and returns what the article node says, filling
// gaps from a WebSite or WebPage node. Scripts that are not valid JSON are
// skipped: pages often ship broken JSON-LD.
func parseJSONLD(scripts []string) ldArticle {
	var nodes []ldNode
	for _, s := range scripts {
		nodes = appendNodes(nodes, json.RawMessage(strings.TrimSpace(s)), 0)
	}
	var a ldArticle
	// The article first, then anything else with a headline or a date.
	for pass := 0; pass < 2; pass++ {
		for i := range nodes {
			n := &nodes[i]
			isArticle := false
			for _, t := range ldStrings(n.Type) {
				isArticle = isArticle || articleTypes[strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(t, "http://schema.org/"), "https://schema.org/"))]
			}
			if pass == 0 && !isArticle {
				continue
			}
			if pass == 1 {
				for _, t := range ldStrings(n.Type) {
					if strings.EqualFold(t, "WebSite") || strings.EqualFold(t, "Organization") || strings.EqualFold(t, "NewsMediaOrganization") {
						fill(&a.SiteName, ldString(n.Name))
					}
				}
				if len(n.Headline) == 0 && len(n.DatePublished) == 0 {
					continue
				}
			}
			fill(&a.Headline, ldString(n.Headline))
			fill(&a.Published, ldString(n.DatePublished))
			fill(&a.Published, ldString(n.DateCreated))
			fill(&a.URL, ldString(n.URL))
			fill(&a.URL, ldString(n.MainEntityOfPage))
			fill(&a.Publisher, ldName(n.Publisher))
			fill(&a.Publisher, ldName(n.SourceOrg))
			fill(&a.Language, ldString(n.InLanguage))
		}
	}
	return a
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = strings.TrimSpace(v)
	}
}

// appendNodes appends the nodes in raw (an object, an array of them, or
// objects with a @graph) to nodes, to a bounded depth.
func appendNodes(nodes []ldNode, raw json.RawMessage, depth int) []ldNode {
	if len(raw) == 0 || depth > 4 || len(nodes) > 200 {
		return nodes
	}
	switch raw[0] {
	case '[':
		var arr []json.RawMessage
		if json.Unmarshal(raw, &arr) == nil {
			for _, r := range arr {
				nodes = appendNodes(nodes, r, depth+1)
			}
		}
	case '{':
		var n ldNode
		if json.Unmarshal(raw, &n) == nil {
			nodes = append(nodes, n)
			nodes = appendNodes(nodes, n.Graph, depth+1)
		}
	}
	return nodes
}

// ldString reads a text value: a string, the first of an array, or an
// object's "@id", "url", "@value" or "name".
func ldString(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		json.Unmarshal(raw, &s)
		return s
	case '[':
		var arr []json.RawMessage
		json.Unmarshal(raw, &arr)
		for _, r := range arr {
			if s := ldString(r); s != "" {
				return s
			}
		}
	case '{':
		var o struct {
			ID    json.RawMessage `json:"@id"`
			URL   json.RawMessage `json:"url"`
			Value json.RawMessage `json:"@value"`
			Name  json.RawMessage `json:"name"`
		}
		if json.Unmarshal(raw, &o) == nil {
			for _, r := range []json.RawMessage{o.ID, o.URL, o.Value, o.Name} {
				if len(r) > 0 && r[0] != '{' {
					if s := ldString(r); s != "" {
						return s
					}
				}
			}
		}
	}
	return ""
}

// ldName reads an organization's name: a string, an object's "name", or
// the first of an array of those.
func ldName(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		return ldString(raw)
	case '[':
		var arr []json.RawMessage
		json.Unmarshal(raw, &arr)
		for _, r := range arr {
			if s := ldName(r); s != "" {
				return s
			}
		}
	case '{':
		var o struct {
			Name json.RawMessage `json:"name"`
		}
		if json.Unmarshal(raw, &o) == nil {
			return ldString(o.Name)
		}
	}
	return ""
}

// ldStrings reads a value that may be one string or an array of strings
// (such as @type).
func ldStrings(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	if raw[0] == '[' {
		var ss []string
		json.Unmarshal(raw, &ss)
		return ss
	}
	if s := ldString(raw); s != "" {
		return []string{s}
	}
	return nil
}
