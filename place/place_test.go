package place

import (
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dyad-project/dyad/dyad"
)

func TestBuiltin_Loads(t *testing.T) {
	g := Builtin()
	if n := g.Len(); n <= 20000 {
		t.Fatalf("Builtin has %d places, want more than 20,000", n)
	}
	if Builtin() != g {
		t.Error("Builtin returned a second gazetteer; want one, loaded once")
	}
	cities, countries, regions := 0, 0, 0
	for _, e := range g.entries {
		switch e.place.Kind {
		case KindCity:
			cities++
		case KindCountry:
			countries++
		case KindRegion:
			regions++
		}
		if len(e.place.Country) != 3 || strings.ToUpper(e.place.Country) != e.place.Country {
			t.Fatalf("%q: country %q is not an ISO alpha-3 code", e.place.Name, e.place.Country)
		}
	}
	if cities < 20000 || countries < 240 || regions < 200 {
		t.Errorf("cities %d, countries %d, regions %d; want > 20000, > 240, > 200", cities, countries, regions)
	}
	for _, c := range []string{"RUS", "AFG", "USA", "UKR", "SYR", "CHN", "IND", "GBR", "FRA"} {
		if _, ok := g.Capital(c); !ok {
			t.Errorf("no capital for %s", c)
		}
	}
}

func TestGazetteer_Lookup(t *testing.T) {
	g := Builtin()
	tests := []struct {
		name, query, country string
		want                 string // Name
		wantCountry, kind    string
		lat, lon             float64 // checked to within 0.5 degree when non-zero
	}{
		{"Kabul", "Kabul", "", "Kabul", "AFG", KindCity, 34.5, 69.2},
		{"KabulLowerCase", "kabul", "", "Kabul", "AFG", KindCity, 34.5, 69.2},
		{"MoscowIsRussian", "Moscow", "", "Moscow", "RUS", KindCity, 55.75, 37.6},
		{"MoscowHintUSA", "Moscow", "USA", "Moscow", "USA", KindCity, 46.7, -117.0},
		{"ParisIsFrench", "Paris", "", "Paris", "FRA", KindCity, 48.85, 2.35},
		{"ParisHintUSA", "Paris", "USA", "Paris", "USA", KindCity, 0, 0},
		{"GeorgiaIsTheCountry", "Georgia", "", "Georgia", "GEO", KindCountry, 42.3, 43.4},
		{"GeorgiaHintUSA", "Georgia", "USA", "Georgia", "USA", KindRegion, 32.7, -83.4},
		{"Gaza", "Gaza", "", "Gaza", "PSE", KindCity, 31.5, 34.47},
		{"GazaStrip", "the Gaza Strip", "", "Gaza Strip", "PSE", KindRegion, 0, 0},
		{"Kyiv", "Kyiv", "", "Kyiv", "UKR", KindCity, 50.45, 30.52},
		{"KievIsKyiv", "Kiev", "", "Kyiv", "UKR", KindCity, 50.45, 30.52},
		{"GenevaIsSwiss", "Geneva", "", "Geneva", "CHE", KindCity, 46.2, 6.15},
		{"GeneveFolded", "Geneve", "", "Geneva", "CHE", KindCity, 0, 0},
		{"Mariupol", "Mariupol", "", "Mariupol", "UKR", KindCity, 47.1, 37.5},
		{"KhanYounis", "Khan Younis", "", "Khan Younis", "PSE", KindCity, 31.34, 34.31},
		{"KhanYunis", "Khan Yunis", "", "Khan Younis", "PSE", KindCity, 0, 0},
		{"MoscowRegion", "the Moscow region", "", "Moscow Oblast", "RUS", KindRegion, 55.5, 37.5},
		{"MoscowOblast", "Moscow Oblast", "", "Moscow Oblast", "RUS", KindRegion, 55.5, 37.5},
		{"Helmand", "Helmand", "", "Helmand Province", "AFG", KindRegion, 0, 0},
		{"KandaharIsTheCity", "Kandahar", "", "Kandahar", "AFG", KindCity, 31.6, 65.7},
		{"KandaharProvince", "Kandahar province", "", "Kandahar Province", "AFG", KindRegion, 0, 0},
		{"WashingtonIsTheCapital", "Washington", "", "Washington, D.C.", "USA", KindCity, 38.9, -77.0},
		{"USAbbreviation", "U.S.", "", "United States", "USA", KindCountry, 0, 0},
		{"Russia", "Russia", "", "Russia", "RUS", KindCountry, 0, 0},
		{"Turkiye", "Türkiye", "", "Turkey", "TUR", KindCountry, 0, 0},
		{"Texas", "Texas", "", "Texas", "USA", KindRegion, 0, 0},
		{"Sichuan", "Sichuan province", "", "Sichuan", "CHN", KindRegion, 0, 0},
		{"Idlib", "Idlib", "", "Idlib", "SYR", KindCity, 0, 0},
		{"IdlibGovernorate", "Idlib governorate", "", "Idlib Governorate", "SYR", KindRegion, 0, 0},
		{"Kramatorsk", "Kramatorsk", "", "Kramatorsk", "UKR", KindCity, 0, 0},
		{"Tripoli", "Tripoli", "", "Tripoli", "LBY", KindCity, 0, 0},
		{"TripoliHintLebanon", "Tripoli", "LBN", "Tripoli", "LBN", KindCity, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := g.Lookup(tc.query, tc.country)
			if !ok {
				t.Fatalf("Lookup(%q, %q) found nothing", tc.query, tc.country)
			}
			if p.Name != tc.want || p.Country != tc.wantCountry || p.Kind != tc.kind {
				t.Errorf("Lookup(%q, %q) = %+v; want %s, %s, %s", tc.query, tc.country, p, tc.want, tc.wantCountry, tc.kind)
			}
			if tc.lat != 0 && (math.Abs(p.Lat-tc.lat) > 0.5 || math.Abs(p.Lon-tc.lon) > 0.5) {
				t.Errorf("Lookup(%q) at %.3f,%.3f; want near %.2f,%.2f", tc.query, p.Lat, p.Lon, tc.lat, tc.lon)
			}
		})
	}
	for _, q := range []string{"", "Xyzzyville", "the", "January"} {
		if p, ok := g.Lookup(q, ""); ok {
			t.Errorf("Lookup(%q) = %+v; want nothing", q, p)
		}
	}
}

type findCase struct {
	name     string
	sentence string
	hints    []string
	want     string // Place.Name, "" for no place
	country  string
	kind     string
	text     string // sentence[span]
}

var findCases = []findCase{
	{name: "MoscowRegion", sentence: "Russia and the Taliban government have signed a formal military-technical cooperation agreement in the Moscow region.",
		want: "Moscow Oblast", country: "RUS", kind: KindRegion, text: "Moscow region"},
	{name: "ForumInMoscowRegion", sentence: "Russian officials and Taliban leaders signed a military-technical cooperation agreement during a security forum in the Moscow region, formalizing a new phase in their security relationship.[1][2]",
		want: "Moscow Oblast", country: "RUS", kind: KindRegion, text: "Moscow region"},
	{name: "MoscowOblast", sentence: "Drones were shot down over towns in Moscow Oblast overnight.", want: "Moscow Oblast", country: "RUS", kind: KindRegion, text: "Moscow Oblast"},
	{name: "AmbassadorInMoscow", sentence: "Russia has already recognized the Taliban government and accepted a Taliban-appointed ambassador in Moscow.",
		want: "Moscow", country: "RUS", kind: KindCity, text: "Moscow"},
	{name: "AuthoritiesInKabul", sentence: "the agreement is explicitly framed as expanding bilateral security and military ties between Russia and the Taliban-led authorities in Kabul.[1][2][3][5]",
		want: "Kabul", country: "AFG", kind: KindCity, text: "Kabul"},
	{name: "AfghanBorder", sentence: "Russian leaders used military drills with allied states on the Afghan border and the Russian-led Collective Security Treaty Organization to signal resolve.",
		want: "Afghan border", country: "AFG", kind: KindCountry, text: "Afghan border"},
	{name: "LowerCaseMoscow", sentence: "Taliban defence Minsiter Mullah Yqoob is in moscow .", want: "Moscow", country: "RUS", kind: KindCity, text: "moscow"},
	{name: "TravelToMoscow", sentence: "A Taliban delegation began traveling regularly to Moscow for talks even while Russia still listed the group.",
		want: "Moscow", country: "RUS", kind: KindCity, text: "Moscow"},
	{name: "NorthernSyria", sentence: "Turkish drones struck Kurdish positions in northern Syria on Tuesday.", want: "Syria", country: "SYR", kind: KindCountry, text: "Syria"},
	{name: "NearKharkiv", sentence: "Shelling near Kharkiv killed three people.", want: "Kharkiv", country: "UKR", kind: KindCity, text: "Kharkiv"},
	{name: "OutskirtsOfKyiv", sentence: "Troops regrouped on the outskirts of Kyiv.", want: "Kyiv", country: "UKR", kind: KindCity, text: "Kyiv"},
	{name: "Kiev", sentence: "The talks in Kiev ended without a deal.", want: "Kyiv", country: "UKR", kind: KindCity, text: "Kiev"},
	{name: "PortCityOfMariupol", sentence: "Fighting continued in the southern port city of Mariupol.", want: "Mariupol", country: "UKR", kind: KindCity, text: "Mariupol"},
	{name: "KhanYounis", sentence: "Israeli forces raided a hospital in Khan Younis.", want: "Khan Younis", country: "PSE", kind: KindCity, text: "Khan Younis"},
	{name: "GazaStrip", sentence: "Aid trucks entered the territory at Rafah, in the Gaza Strip.", want: "Rafah", country: "PSE", kind: KindCity, text: "Rafah"},
	{name: "OccupiedWestBank", sentence: "Settlers attacked a village in the occupied West Bank.", want: "West Bank", country: "PSE", kind: KindRegion, text: "West Bank"},
	{name: "Geneva", sentence: "Diplomats met in Geneva to discuss a ceasefire.", want: "Geneva", country: "CHE", kind: KindCity, text: "Geneva"},
	{name: "GeorgiaCountry", sentence: "Protesters rallied in Georgia against the foreign agents law.", want: "Georgia", country: "GEO", kind: KindCountry, text: "Georgia"},
	{name: "GeorgiaStateWithUSHint", sentence: "The president held a rally in Georgia.", hints: []string{"USA"}, want: "Georgia", country: "USA", kind: KindRegion, text: "Georgia"},
	{name: "MoscowIdaho", sentence: "Police in Moscow, Idaho, arrested a suspect.", want: "Moscow", country: "USA", kind: KindCity, text: "Moscow, Idaho"},
	{name: "HawthorneCalif", sentence: "He was arrested by police in Hawthorne, Calif., on Friday.", want: "Hawthorne", country: "USA", kind: KindCity, text: "Hawthorne, Calif"},
	{name: "ParisTexas", sentence: "The plant in Paris, Texas, will close.", want: "Paris", country: "USA", kind: KindCity, text: "Paris, Texas"},
	{name: "ParisFrance", sentence: "The talks in Paris, France, resumed.", want: "Paris", country: "FRA", kind: KindCity, text: "Paris, France"},
	{name: "TownNotKeptKnownState", sentence: "A plant in Chester, N.H., closed.", want: "New Hampshire", country: "USA", kind: KindRegion, text: "Chester, N.H."},
	{name: "CommaIsNotQualifier", sentence: "Talks were held in Kabul, Russia's envoy said.", want: "Kabul", country: "AFG", kind: KindCity, text: "Kabul"},
	{name: "CommaIsNotQualifierVerb", sentence: "Talks were held in Kabul, Russia said.", want: "Kabul", country: "AFG", kind: KindCity, text: "Kabul"},
	{name: "HyphenatedBorder", sentence: "Shelling continued along the Ukrainian-Russian border.", want: "Ukrainian-Russian border", country: "UKR", kind: KindCountry, text: "Ukrainian-Russian border"},
	{name: "OccupiedCity", sentence: "Explosions were heard in Russian-occupied Melitopol.", want: "Melitopol", country: "UKR", kind: KindCity, text: "Melitopol"},
	{name: "Donbas", sentence: "Heavy fighting continued in the Donbas.", want: "Donbas", country: "UKR", kind: KindRegion, text: "Donbas"},
	{name: "USAbbreviation", sentence: "He was born in the U.S. and moved abroad.", want: "United States", country: "USA", kind: KindCountry, text: "U.S."},
	{name: "AfghanCapital", sentence: "The envoy arrived in the Afghan capital on Monday.", want: "Kabul", country: "AFG", kind: KindCity, text: "Afghan capital"},
	{name: "PossessiveRegion", sentence: "A drone hit a fuel depot in Russia's Belgorod region.", want: "Belgorod Oblast", country: "RUS", kind: KindRegion, text: "Belgorod region"},
	{name: "HelmandProvince", sentence: "Taliban fighters clashed with police in Helmand province.", want: "Helmand Province", country: "AFG", kind: KindRegion, text: "Helmand province"},
	{name: "RegionOfKursk", sentence: "Ukrainian troops advanced in the Russian region of Kursk.", want: "Kursk", country: "RUS", kind: KindCity, text: "Kursk"},
	{name: "SmallCityWithHint", sentence: "Bodies were found in Bucha after the withdrawal.", hints: []string{"UKR", "RUS"}, want: "Bucha", country: "UKR", kind: KindCity, text: "Bucha"},
	{name: "WashingtonDC", sentence: "The two leaders met in Washington, D.C., on Friday.", want: "Washington, D.C.", country: "USA", kind: KindCity, text: "Washington, D.C."},
	{name: "UnitedStates", sentence: "He was detained in the United States last year.", want: "United States", country: "USA", kind: KindCountry, text: "United States"},
	{name: "SentenceStartIn", sentence: "In Damascus, crowds celebrated the fall of the government.", want: "Damascus", country: "SYR", kind: KindCity, text: "Damascus"},
	{name: "FirstPlaceWins", sentence: "At a summit in Beijing, leaders from Moscow and Tehran agreed to cooperate.", want: "Beijing", country: "CHN", kind: KindCity, text: "Beijing"},
	{name: "SkipsNonPlaceAt", sentence: "Speaking at a press conference in Ankara, the minister denied the claim.", want: "Ankara", country: "TUR", kind: KindCity, text: "Ankara"},
	{name: "TitleCaseHeadline", sentence: "Russia Signs Military Cooperation Agreement With Taliban In Moscow", want: "Moscow", country: "RUS", kind: KindCity, text: "Moscow"},

	// Negatives: nothing here is a place of the event.
	{name: "InYear", sentence: "Washington abandoned Afghanistan to its fate in 2021."},
	{name: "InMonth", sentence: "By January 2026, the government accepted the credentials in January."},
	{name: "InAStatement", sentence: "The ministry said in a statement that talks would resume."},
	{name: "InTalks", sentence: "The two sides are in talks over a prisoner exchange."},
	{name: "InPower", sentence: "The Taliban have been in power since August 2021."},
	{name: "InResponse", sentence: "The sanctions were imposed in response to the attack."},
	{name: "InMarch", sentence: "The troops withdrew in March."},
	{name: "SanctionsOnRussia", sentence: "The EU imposed new sanctions on Russia."},
	{name: "InIndependenceSquare", sentence: "Thousands gathered in Independence Square."},
	{name: "InNewYorkTimes", sentence: "He wrote in the New York Times that the deal was flawed."},
	{name: "NoPreposition", sentence: "Russia and Afghanistan signed a military cooperation deal."},
	{name: "InRussian", sentence: "The statement was published in Russian and Pashto."},
	{name: "LowerCaseNonCapital", sentence: "They live in reading and writing circles."},
	{name: "LowerCaseEnglishWord", sentence: "The city became a mecca for investors in queens of industry."},
	{name: "SmallTownNoHint", sentence: "The meeting took place in Bucha."},
	{name: "OnMonday", sentence: "The deal was signed on Monday."},
	{name: "Empty", sentence: ""},
}

func TestGazetteer_Find(t *testing.T) {
	g := Builtin()
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			p, sp, ok := g.Find(tc.sentence, tc.hints, nil)
			if tc.want == "" {
				if ok {
					t.Fatalf("Find(%q) = %+v at %q; want nothing", tc.sentence, p, tc.sentence[sp.Start:sp.End])
				}
				return
			}
			if !ok {
				t.Fatalf("Find(%q) found nothing; want %s", tc.sentence, tc.want)
			}
			if p.Name != tc.want || p.Country != tc.country || p.Kind != tc.kind {
				t.Errorf("Find(%q) = %+v; want %s, %s, %s", tc.sentence, p, tc.want, tc.country, tc.kind)
			}
			if got := tc.sentence[sp.Start:sp.End]; got != tc.text {
				t.Errorf("Find(%q) span %v = %q; want %q", tc.sentence, sp, got, tc.text)
			}
		})
	}
}

func TestGazetteer_FindDemonymFunc(t *testing.T) {
	g := Builtin()
	calls := 0
	dem := func(w string) (string, bool) {
		calls++
		if w == "Pashtun" {
			return "AFG", true
		}
		return "", false
	}
	p, sp, ok := g.Find("Clashes broke out on the Pashtun border.", nil, dem)
	if !ok || p.Country != "AFG" || p.Name != "Pashtun border" || p.Kind != KindCountry {
		t.Fatalf("Find with a demonym func = %+v, %v, %v; want Pashtun border, AFG", p, sp, ok)
	}
	if calls == 0 {
		t.Error("the demonym func was never asked")
	}
}

func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.sentence)
	}
	f.Add("in the Afghan-Tajik border's north, in ’s ‘ U.S. in the of of of in Moscow, D.C.")
	f.Add("in Kramators’k’s in Ma'rib's region of")
	g := Builtin()
	f.Fuzz(func(t *testing.T, s string) {
		p, sp, ok := g.Find(s, []string{"USA"}, nil)
		if !ok {
			if sp != (dyad.Span{}) || p != (dyad.Place{}) {
				t.Fatalf("Find(%q) = %+v, %v with ok false", s, p, sp)
			}
			return
		}
		if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
			t.Fatalf("Find(%q) span %v out of bounds or empty", s, sp)
		}
		if p.Name == "" || len(p.Country) != 3 {
			t.Fatalf("Find(%q) = %+v: no name or country", s, p)
		}
	})
}

// BenchmarkBuiltinLoad measures building the gazetteer from the embedded
// data (targets: < 200 ms, < 60 MB) and reports the heap it keeps.
func BenchmarkBuiltinLoad(b *testing.B) {
	var before, after runtime.MemStats
	var g *Gazetteer
	runtime.GC()
	runtime.ReadMemStats(&before)
	for b.Loop() {
		var err error
		if g, err = load(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6, "MB-retained")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/1e6, "MB-allocated/op")
	runtime.KeepAlive(g)
}

func BenchmarkFind(b *testing.B) {
	g := Builtin()
	for _, bc := range []struct{ name, s string }{
		{"NoPreposition", "Russia and the Taliban government have signed a formal military-technical cooperation agreement, officials said."},
		{"OnePlace", "Russia and the Taliban government have signed a formal military-technical cooperation agreement in the Moscow region."},
		{"NoPlace", "The two sides are in talks over a prisoner exchange, the ministry said in a statement on Monday."},
	} {
		b.Run(bc.name, func(b *testing.B) {
			start := time.Now()
			for b.Loop() {
				g.Find(bc.s, []string{"RUS", "AFG"}, nil)
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N), "ns/sentence")
		})
	}
}
