package place

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/dyad-project/dyad/dyad"
)

//go:embed data/cities.tsv.gz data/countries.tsv data/regions.tsv data/aliases.tsv
var dataFS embed.FS

// The kinds of place, as dyad.Place.Kind spells them.
const (
	KindCountry = "country"
	KindRegion  = "region"
	KindCity    = "city"
)

// entry is one place of the gazetteer.
type entry struct {
	place   dyad.Place
	pop     uint32
	capital bool
	admin   bool   // the seat of a first-level region (GeoNames PPLA)
	admin1  string // GeoNames admin1 code (a US city's state: "ID")
	// score ranks same-name places before hints: countries, then capitals
	// and big cities, then regions, then smaller cities by population.
	score float64
}

// A Gazetteer resolves place names to places with country and coordinates:
// countries, first-level regions and populated places. It is immutable once
// built and safe for concurrent use.
type Gazetteer struct {
	entries  []entry
	byName   map[string][]int32 // folded name or alias → entries
	byBase   map[string][]int32 // folded region base ("moscow") → regions
	country  map[string]int32   // ISO alpha-3 → country entry
	capital  map[string]int32   // ISO alpha-3 → its most populous capital
	demonyms map[string]string  // folded demonym → ISO alpha-3
	maxWords int                // the most words in any name key
}

var (
	builtinOnce sync.Once
	builtin     *Gazetteer
	builtinErr  error
)

// Builtin returns the gazetteer built from the embedded data: about 23,000
// GeoNames places of at least 15,000 people and every capital, ISO countries
// with centroids and demonyms, and the first-level regions that news names.
// It is loaded once, on first use; it panics if the embedded data is corrupt,
// which the package's tests rule out.
func Builtin() *Gazetteer {
	builtinOnce.Do(func() { builtin, builtinErr = load() })
	if builtinErr != nil {
		panic("place: load embedded gazetteer: " + builtinErr.Error())
	}
	return builtin
}

func load() (*Gazetteer, error) {
	g := &Gazetteer{
		byName:   make(map[string][]int32, 40000),
		byBase:   make(map[string][]int32, 300),
		country:  make(map[string]int32, 260),
		capital:  make(map[string]int32, 260),
		demonyms: make(map[string]string, 300),
	}
	a2to3 := map[string]string{}
	if err := eachRow("data/countries.tsv", 7, func(f []string) error {
		lat, lon, err := latLon(f[3], f[4])
		if err != nil {
			return err
		}
		a2to3[f[0]] = f[1]
		i := g.add(entry{place: dyad.Place{Name: f[2], Country: f[1], Lat: lat, Lon: lon, Kind: KindCountry}, score: 9.5})
		g.country[f[1]] = i
		g.index(g.byName, f[2], i)
		for _, a := range splitList(f[5]) {
			g.index(g.byName, a, i)
		}
		for _, d := range splitList(f[6]) {
			g.demonyms[fold(d)] = f[1]
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := eachRow("data/regions.tsv", 6, func(f []string) error {
		lat, lon, err := latLon(f[4], f[5])
		if err != nil {
			return err
		}
		if _, ok := g.country[f[3]]; !ok {
			return fmt.Errorf("region %q: unknown country %q", f[0], f[3])
		}
		i := g.add(entry{place: dyad.Place{Name: f[0], Country: f[3], Lat: lat, Lon: lon, Kind: KindRegion}, score: 6.5})
		g.index(g.byName, f[0], i)
		for _, a := range splitList(f[2]) {
			g.index(g.byName, a, i)
		}
		g.index(g.byBase, f[1], i)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := g.loadCities(); err != nil {
		return nil, err
	}
	if err := eachRow("data/aliases.tsv", 4, func(f []string) error {
		target := fold(f[1])
		found := false
		for _, i := range g.byName[target] {
			e := &g.entries[i]
			if e.place.Kind != KindCity || e.place.Country != f[2] {
				continue
			}
			g.index(g.byName, f[0], i)
			if f[3] == "display" {
				e.place.Name = f[0]
			}
			found = true
			break
		}
		if !found {
			return fmt.Errorf("alias %q: no city %q in %s", f[0], f[1], f[2])
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for k, list := range g.byName {
		if n := strings.Count(k, " ") + 1; n > g.maxWords {
			g.maxWords = n
		}
		g.sortByScore(list)
	}
	return g, nil
}

// loadCities reads the generated GeoNames table.
func (g *Gazetteer) loadCities() error {
	f, err := dataFS.Open("data/cities.tsv.gz")
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("cities.tsv.gz: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("cities.tsv.gz: %w", err)
	}
	g.entries = append(make([]entry, 0, len(g.entries)+bytes.Count(raw, []byte{'\n'})), g.entries...)
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var fields [7]string
	for line := 1; sc.Scan(); line++ {
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		if n := splitInto(fields[:], s); n != 7 {
			return fmt.Errorf("cities.tsv.gz:%d: %d fields, want 7", line, n)
		}
		pop, err := strconv.ParseUint(fields[4], 10, 32)
		if err != nil {
			return fmt.Errorf("cities.tsv.gz:%d: population: %w", line, err)
		}
		lat, lon, err := latLon(fields[5], fields[6])
		if err != nil {
			return fmt.Errorf("cities.tsv.gz:%d: %w", line, err)
		}
		if _, ok := g.country[fields[1]]; !ok {
			return fmt.Errorf("cities.tsv.gz:%d: unknown country %q", line, fields[1])
		}
		e := entry{
			place:   dyad.Place{Name: fields[0], Country: fields[1], Lat: lat, Lon: lon, Kind: KindCity},
			pop:     uint32(pop),
			capital: fields[2] == "PPLC",
			admin:   fields[2] == "PPLA",
		}
		if fields[1] == "USA" {
			e.admin1 = fields[3] // the one country whose qualifiers (", Idaho") we read
		}
		e.score = math.Log10(float64(pop) + 1)
		if e.capital {
			e.score += 3
		}
		if e.admin {
			e.score += 0.3
		}
		i := g.add(e)
		g.index(g.byName, fields[0], i)
		if e.capital {
			if j, ok := g.capital[e.place.Country]; !ok || g.entries[j].pop < e.pop {
				g.capital[e.place.Country] = i
			}
		}
	}
	return sc.Err()
}

func (g *Gazetteer) add(e entry) int32 {
	g.entries = append(g.entries, e)
	return int32(len(g.entries) - 1)
}

// index files entry i under the key of name, once.
func (g *Gazetteer) index(m map[string][]int32, name string, i int32) {
	k := fold(name)
	if k == "" {
		return
	}
	for _, j := range m[k] {
		if j == i {
			return
		}
	}
	m[k] = append(m[k], i)
}

// sortByScore orders a candidate list best first (insertion sort: lists are short).
func (g *Gazetteer) sortByScore(list []int32) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && g.entries[list[j]].score > g.entries[list[j-1]].score; j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

// Len returns the number of places in g: countries, regions and cities.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Lookup resolves a place name: a country ("Russia", "the U.S."), a region
// ("Moscow Oblast", "the Moscow region", "Helmand") or a city ("Kabul",
// "Kiev"), matched without regard to case, diacritics or apostrophes.
// Same-name places are ranked countries first, then capitals and cities by
// population, with regions ranked as a city of about three million; country,
// when it is an ISO alpha-3 code, outranks all of that, so "Moscow" is the
// Russian capital unless country is "USA" and then Moscow, Idaho. It returns
// false when nothing has that name.
func (g *Gazetteer) Lookup(name, country string) (dyad.Place, bool) {
	name = strings.TrimSpace(name)
	if low := strings.ToLower(name); strings.HasPrefix(low, "the ") {
		name = name[4:]
	}
	key := fold(name)
	var hints []string
	if country != "" {
		hints = []string{country}
	}
	if sp := strings.LastIndexByte(key, ' '); sp > 0 && isRegionWord(key[sp+1:]) {
		if i, ok := g.best(g.byBase[key[:sp]], hints, 20); ok {
			return g.entries[i].place, true
		}
	}
	if i, ok := g.best(g.byName[key], hints, 20); ok {
		return g.entries[i].place, true
	}
	return dyad.Place{}, false
}

// best returns the best-scoring candidate, adding bonus when its country is
// among hints.
func (g *Gazetteer) best(list []int32, hints []string, bonus float64) (int32, bool) {
	bi, bs := int32(-1), math.Inf(-1)
	for _, i := range list {
		e := &g.entries[i]
		s := e.score
		for _, h := range hints {
			if h == e.place.Country {
				s += bonus
				break
			}
		}
		if s > bs {
			bi, bs = i, s
		}
	}
	return bi, bi >= 0
}

// Country returns the country whose ISO alpha-3 code is code, at its centroid.
func (g *Gazetteer) Country(code string) (dyad.Place, bool) {
	i, ok := g.country[code]
	if !ok {
		return dyad.Place{}, false
	}
	return g.entries[i].place, true
}

// Capital returns the capital city of the country whose ISO alpha-3 code is
// code (the most populous, for countries with several).
func (g *Gazetteer) Capital(code string) (dyad.Place, bool) {
	i, ok := g.capital[code]
	if !ok {
		return dyad.Place{}, false
	}
	return g.entries[i].place, true
}

// Demonym returns the ISO alpha-3 country of a demonym or adjective of
// nationality ("Afghan" → "AFG"), from the built-in country table.
func (g *Gazetteer) Demonym(word string) (string, bool) {
	c, ok := g.demonyms[fold(word)]
	return c, ok
}

// eachRow calls fn with the tab-separated fields of each non-comment line of
// an embedded table, padded to want fields.
func eachRow(path string, want int, fn func([]string) error) error {
	b, err := dataFS.ReadFile(path)
	if err != nil {
		return err
	}
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) > want {
			return fmt.Errorf("%s:%d: %d fields, want %d", path, n+1, len(f), want)
		}
		for len(f) < want {
			f = append(f, "")
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n+1, err)
		}
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// splitInto splits a tab-separated line into dst and returns the field count.
func splitInto(dst []string, s string) int {
	n := 0
	for {
		i := strings.IndexByte(s, '\t')
		if n == len(dst) {
			return n + 1
		}
		if i < 0 {
			dst[n] = s
			return n + 1
		}
		dst[n] = s[:i]
		s = s[i+1:]
		n++
	}
}

func latLon(a, b string) (float64, float64, error) {
	lat, err := strconv.ParseFloat(a, 64)
	if err != nil || lat < -90 || lat > 90 {
		return 0, 0, fmt.Errorf("bad latitude %q", a)
	}
	lon, err := strconv.ParseFloat(b, 64)
	if err != nil || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("bad longitude %q", b)
	}
	return lat, lon, nil
}
