package sourcing

import (
	"strings"
	"unicode"

	"github.com/dyad-project/dyad/dyad"
)

// MarkSameStories sets SameAs on each source that is the same story as an
// earlier one: the same URL (ignoring scheme, "www.", case of the host and a
// trailing slash), or the same title once case, punctuation and dashes are
// ignored, where a title truncated with an ellipsis ("…") matches any title
// it is a prefix of. Outlet labels are not compared: research tools list the
// same headline with and without its outlet, and a title whose tail was
// mistaken for an outlet still matches the same title listed without it.
// SameAs names the first source
// of the group (0 for that first source itself).
func MarkSameStories(sources []dyad.Source) {
	keys := make([]titleKey, len(sources))
	fulls := make([]titleKey, len(sources))
	urls := make([]string, len(sources))
	for i := range sources {
		keys[i] = makeTitleKey(sources[i].Title)
		fulls[i] = makeTitleKey(strings.TrimSpace(sources[i].Title + " " + sources[i].Outlet))
		urls[i] = normalizeURL(sources[i].URL)
		sources[i].SameAs = 0
	}
	for i := range sources {
		for j := 0; j < i; j++ {
			if urls[i] != "" && urls[i] == urls[j] || sameTitle(keys[i], keys[j]) ||
				sameTitle(fulls[i], keys[j]) || sameTitle(keys[i], fulls[j]) {
				root := sources[j].N
				if sources[j].SameAs != 0 {
					root = sources[j].SameAs
				}
				if root != sources[i].N {
					sources[i].SameAs = root
				}
				break
			}
		}
	}
}

// titleKey is a title reduced for comparison.
type titleKey struct {
	words     string // lower-case words joined by single spaces
	truncated bool   // the title ended with an ellipsis
}

func makeTitleKey(title string) titleKey {
	t := strings.TrimSpace(title)
	var k titleKey
	for _, e := range []string{"…", "...", "[…]", "[...]"} {
		if strings.HasSuffix(t, e) {
			t = strings.TrimSpace(strings.TrimSuffix(t, e))
			k.truncated = true
		}
	}
	var b strings.Builder
	b.Grow(len(t))
	space := false
	for _, r := range t {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '‘':
			// Apostrophes join: "Russia’s" and "Russias" compare alike.
		default:
			space = true
		}
	}
	k.words = b.String()
	if k.truncated {
		// The last word may be cut in the middle; compare whole words only.
		if i := strings.LastIndexByte(k.words, ' '); i > 0 {
			k.words = k.words[:i]
		}
	}
	return k
}

// minPrefixWords is the fewest words a truncated title must keep to match a
// longer one, so that a stub such as "Russia …" matches nothing.
const minPrefixWords = 4

// sameTitle reports whether two title keys name the same story.
func sameTitle(a, b titleKey) bool {
	if a.words == "" || b.words == "" {
		return false
	}
	if a.words == b.words {
		return true
	}
	if !a.truncated && !b.truncated {
		return false
	}
	short, long := a, b
	if len(short.words) > len(long.words) {
		short, long = long, short
	}
	if !short.truncated || strings.Count(short.words, " ")+1 < minPrefixWords {
		return false
	}
	return strings.HasPrefix(long.words, short.words) &&
		(len(long.words) == len(short.words) || long.words[len(short.words)] == ' ')
}

// normalizeURL reduces a URL for comparison: no scheme, no "www.", a
// lower-case host, no fragment and no trailing slash.
func normalizeURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	for _, p := range []string{"https://", "http://"} {
		if hasPrefixFold(u, p) {
			u = u[len(p):]
			break
		}
	}
	if hasPrefixFold(u, "www.") {
		u = u[4:]
	}
	if k := strings.IndexByte(u, '#'); k >= 0 {
		u = u[:k]
	}
	host, path := u, ""
	if k := strings.IndexByte(u, '/'); k >= 0 {
		host, path = u[:k], u[k:]
	}
	return strings.ToLower(host) + strings.TrimRight(path, "/")
}
