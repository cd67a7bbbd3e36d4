package questions

import (
	"runtime"
	"slices"
	"testing"
)

func TestLexiconEmbeddedParses(t *testing.T) {
	lx, err := parseWordNetLexicon(lexiconGz)
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.syn) < 70000 || lx.nInst < 7500 || len(lx.words) < 110000 || len(lx.exc) < 2000 {
		t.Errorf("lexicon too small: %d synsets, %d instances, %d lemmas, %d plurals",
			len(lx.syn), lx.nInst, len(lx.words), len(lx.exc))
	}
	// Every hypernym chain must end at the root without cycles.
	for i := range lx.syn {
		s := int32(i)
		for n := 0; len(lx.parents(s)) > 0; n++ {
			if n > 40 {
				t.Fatalf("synset %d (%s): hypernym chain too long", i, lx.head(int32(i)))
			}
			s = lx.parents(s)[0]
		}
		if lx.head(s) != "entity" {
			t.Fatalf("synset %d (%s): chain ends at %q", i, lx.head(int32(i)), lx.head(s))
		}
	}
	if _, err := parseWordNetLexicon(lexiconGz[:len(lexiconGz)/2]); err == nil {
		t.Error("truncated lexicon parsed without error")
	}
}

func TestLexInstanceOf(t *testing.T) {
	for _, tc := range []struct {
		name  string
		first string // first class
		also  string // another class it must list, optional
	}{
		{"Danube", "river", ""},
		{"danube", "river", ""},
		{"the Thames", "river", ""},
		{"Mississippi River", "river", ""},
		{"Amazon", "river", ""},
		{"Paris", "national capital", "town"}, // Paris, France; Paris, Texas
		{"Tokyo", "national capital", ""},
		{"Seoul", "national capital", ""},
		{"Chicago", "city", "port"},
		{"Zürich", "city", ""},
		{"Nero", "Roman Emperor", ""},
		{"Caligula", "Roman Emperor", ""},
		{"Napoleon", "general", "emperor"},
		{"Mozart", "composer", ""},
		{"Wolfgang Amadeus Mozart", "composer", ""},
		{"wolfgang_amadeus_mozart", "composer", ""},
		{"Beethoven", "composer", ""},
		{"Bach", "organist", "composer"},
		{"Shakespeare", "dramatist", "poet"},
		{"Waterloo", "town", "pitched battle"},
		{"Battle of Waterloo", "pitched battle", ""},
		{"Mount Everest", "mountain peak", ""},
		{"Eiffel Tower", "tower", ""},
		{"Germany", "European country", ""},
		{"Texas", "American state", ""},
		{"New York Stock Exchange", "stock exchange", ""},
	} {
		got := lexInstanceOf(tc.name)
		if len(got) == 0 || got[0] != tc.first || tc.also != "" && !slices.Contains(got, tc.also) {
			t.Errorf("lexInstanceOf(%q) = %q, want %q first (and %q)", tc.name, got, tc.first, tc.also)
		}
	}
	for _, name := range []string{"", "xyzzy", "Hanyang", "stadium", "river", "tuberculosis"} {
		if got := lexInstanceOf(name); got != nil {
			t.Errorf("lexInstanceOf(%q) = %q, want nil", name, got)
		}
	}
}

func TestLexHypernyms(t *testing.T) {
	for _, tc := range []struct {
		noun string
		want []string // prefix of the chain
	}{
		{"stadium", []string{"stadium", "structure", "artifact", "whole", "object", "physical entity", "entity"}},
		{"stadiums", []string{"stadium", "structure"}},
		{"Stadium", []string{"stadium", "structure"}},
		{"cities", []string{"city", "municipality", "urban area", "geographical area", "region", "location"}},
		{"metropolis", []string{"city", "municipality"}},
		{"river", []string{"river", "stream", "body of water"}},
		{"churches", []string{"church"}},
		{"wolves", []string{"wolf", "canine", "carnivore"}},
		{"children", []string{"child", "juvenile", "person"}},
		{"football stadiums", []string{"football stadium", "stadium"}},
		{"emperor", []string{"emperor", "sovereign", "ruler"}},
		{"composer", []string{"composer", "musician", "artist"}},
		{"tuberculosis", []string{"tuberculosis", "infectious disease", "communicable disease", "disease"}},
		{"measles", []string{"measles", "contagious disease"}},
		{"iron", []string{"iron", "metallic element", "chemical element", "substance"}},
		{"oxygen", []string{"oxygen", "chemical element"}},
		{"Quercus", []string{"Quercus", "hamamelid dicot genus", "dicot genus", "genus", "taxonomic group"}},
		{"violin", []string{"violin", "bowed stringed instrument", "stringed instrument", "musical instrument"}},
		{"trumpet", []string{"cornet", "brass", "wind instrument", "musical instrument"}},
	} {
		got := lexHypernyms(tc.noun)
		if len(got) < len(tc.want) || !slices.Equal(got[:len(tc.want)], tc.want) || got[len(got)-1] != "entity" {
			t.Errorf("lexHypernyms(%q) = %q, want %q ... entity", tc.noun, got, tc.want)
		}
	}
	for _, noun := range []string{"", "xyzzy", "qwertys", "Danube", "Nero"} {
		if got := lexHypernyms(noun); got != nil {
			t.Errorf("lexHypernyms(%q) = %q, want nil", noun, got)
		}
	}
}

func TestLexClass(t *testing.T) {
	for _, tc := range []struct{ phrase, want string }{
		{"Danube", "river"},
		{"Mississippi River", "river"},
		{"Paris", "national capital"},
		{"Chicago", "city"},
		{"Nero", "Roman Emperor"},
		{"Mozart", "composer"},
		{"Mercury", "Roman deity"}, // capitalised: the instance
		{"mercury", "mercury"},     // lowercase: the element, sense 1
		{"French", "French"},       // the language, not the sculptor D. C. French
		{"stadium", "stadium"},
		{"stadiums", "stadium"},
		{"metropolis", "city"},
		{"Wembley Stadium", "stadium"},
		{"Estadio Azteca Stadium", "stadium"},
		{"Cathedral of Notre Dame", "cathedral"},
		{"University of Oxford", "university"},
		{"Xyzzy Lake", "lake"},
		{"New York Stock Exchange", "stock exchange"},
		{"Frankfurt Stock Exchange", "stock exchange"},
		{"tuberculosis", "tuberculosis"},
		{"xyzzy", ""},
		{"Xyzzy Plugh", ""},
		{"", ""},
	} {
		if got := lexClass(tc.phrase); got != tc.want {
			t.Errorf("lexClass(%q) = %q, want %q", tc.phrase, got, tc.want)
		}
	}
}

func TestLexSameKind(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Danube", "Thames", true},
		{"Danube", "Mississippi River", true},
		{"Danube", "river", true},
		{"Nile", "Amazon", true},
		{"Danube", "Paris", false}, // river vs city
		{"river", "city", false},
		{"Paris", "Chicago", true}, // national capital -> capital -> city
		{"Paris", "Tokyo", true},
		{"Paris", "France", false},
		{"France", "Germany", true},
		{"Nero", "Caligula", true},
		{"Nero", "Napoleon", true},     // Roman Emperor -> emperor
		{"Nero", "Shakespeare", false}, // emperor vs poet: only person
		{"emperor", "poet", false},
		{"Mozart", "Beethoven", true},
		{"Mozart", "Shakespeare", false},
		{"tuberculosis", "cholera", true},
		{"measles", "diabetes", true}, // anchor: ill health
		{"tuberculosis", "violin", false},
		{"iron", "oxygen", true},
		{"gold", "helium", false}, // WordNet's first sense of gold is the valuable
		{"Quercus", "Rosa", true},
		{"Quercus", "Canis", true}, // anchor: genus
		{"Quercus", "oak", false},
		{"violin", "cello", true},
		{"violin", "piano", true},
		{"violin", "hammer", false},
		{"Wembley Stadium", "Yankee Stadium", true},
		{"Wembley Stadium", "Danube", false},
		{"xyzzy", "xyzzy", false},
		{"Danube", "", false},
	} {
		if got := lexSameKind(tc.a, tc.b); got != tc.want {
			t.Errorf("lexSameKind(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := lexSameKind(tc.b, tc.a); got != tc.want {
			t.Errorf("lexSameKind(%q, %q) = %v, want %v (symmetry)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestLexContainers(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string // must all be listed, first one first
	}{
		{"Paris", []string{"France", "Europe"}},
		{"Seoul", []string{"South Korea", "Korea", "Asia"}},
		{"Tokyo", []string{"Honshu", "Japan"}},
		{"Chicago", []string{"Illinois", "United States"}},
		{"Texas", []string{"United States", "North America"}},
		{"Eiffel Tower", []string{"Paris", "France"}},
		{"Danube", []string{"Germany", "Austria", "Hungary", "Europe"}},
		{"Mount Everest", []string{"Himalayas", "Nepal"}},
	} {
		got := lexContainers(tc.name)
		if len(got) == 0 || got[0] != tc.want[0] {
			t.Errorf("lexContainers(%q) = %q, want %q first", tc.name, got, tc.want[0])
			continue
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("lexContainers(%q) = %q, missing %q", tc.name, got, w)
			}
		}
		if slices.Contains(got, tc.name) {
			t.Errorf("lexContainers(%q) lists the place itself", tc.name)
		}
	}
	for _, name := range []string{"", "xyzzy", "Hanyang", "stadium", "Nero"} {
		if got := lexContainers(name); got != nil {
			t.Errorf("lexContainers(%q) = %q, want nil", name, got)
		}
	}
}

func BenchmarkLexiconLoad(b *testing.B) {
	b.ReportAllocs()
	var ms0, ms1 runtime.MemStats
	var lx *wnLexicon
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		lx = nil
		runtime.GC()
		runtime.ReadMemStats(&ms0)
		b.StartTimer()
		var err error
		if lx, err = parseWordNetLexicon(lexiconGz); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&ms1)
		b.StartTimer()
	}
	b.ReportMetric(float64(ms1.HeapAlloc-ms0.HeapAlloc)/(1<<20), "MB-live")
	runtime.KeepAlive(lx)
}

func BenchmarkLexClass(b *testing.B) {
	wnLex()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		lexClass("Wembley Stadium")
		lexSameKind("Danube", "Thames")
	}
}
