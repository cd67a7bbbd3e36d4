package questions

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"factquiz/samples"
)

// pathologicalShapes build articles of about size bytes that once made a
// stage of the engine quadratic. Each is deterministic.
var pathologicalShapes = []struct {
	name  string
	build func(size int) []byte
}{
	{"numbers", numbersArticle},
	{"capitalised", capitalisedArticle},
	{"manynames", manyNamesArticle},
	{"acronyms", acronymsArticle},
	{"shortlines", shortLinesArticle},
	{"unpunctuated", unpunctuatedArticle},
	{"names", repeatedNamesArticle},
}

// fill writes a title and then piece(i) for i = 0, 1, ... until the text
// reaches size bytes, then end.
func fill(size int, piece func(i int) string, end string) []byte {
	var b strings.Builder
	b.WriteString("= Pathological =\n\n")
	for i := 0; b.Len()+len(end) < size; i++ {
		b.WriteString(piece(i))
	}
	b.WriteString(end)
	return []byte(b.String())
}

// numbersArticle is one long sentence of numbers: "1, 2, 3, ...".
func numbersArticle(size int) []byte {
	return fill(size, func(i int) string { return strconv.Itoa(i+1) + ", " }, "and more men.\n")
}

// word is a made-up capitalised word, different for every i.
func word(i int) string {
	const syll = "BaCeDiFoGuHaJeKiLoMuNaPeRiSoTuVaWeXiZo"
	var b strings.Builder
	for n := i + 1; n > 0; n /= 19 {
		k := n % 19 * 2
		b.WriteString(syll[k : k+2])
	}
	w := strings.ToLower(b.String())
	return strings.ToUpper(w[:1]) + w[1:]
}

// capitalisedArticle is thousands of distinct capitalised words in one
// sentence.
func capitalisedArticle(size int) []byte {
	return fill(size, func(i int) string { return word(i) + " " }, "Ends.\n")
}

// manyNamesArticle is thousands of different names in short sentences,
// people, places and organisations, so that every question has a large
// pool of distractors.
func manyNamesArticle(size int) []byte {
	return fill(size, func(i int) string {
		return "Captain " + word(4*i) + " " + word(4*i+1) + " met " + word(4*i+2) + " Company in " + word(4*i+3) + " City. "
	}, "\n")
}

// acronymsArticle is many definitions "ABC (Alpha Beta Charlie)" in one
// sentence, each acronym different.
func acronymsArticle(size int) []byte {
	return fill(size, func(i int) string {
		a, b, c := word(3*i), word(3*i+1), word(3*i+2)
		acr := a[:1] + b[:1] + c[:1]
		if i%2 == 0 {
			return a + " " + b + " " + c + " (" + acr + "), "
		}
		return acr + " (" + a + " " + b + " " + c + ") and "
	}, "the rest.\n")
}

// shortLinesArticle is many short hard-wrapped lines.
func shortLinesArticle(size int) []byte {
	return fill(size, func(i int) string {
		if i%2 == 1 {
			return "In " + strconv.Itoa(1900+i%100) + " it ran.\n"
		}
		return "men saw " + word(i) + "\n"
	}, "The end.\n")
}

// unpunctuatedArticle is a long run of words without a full stop.
func unpunctuatedArticle(size int) []byte {
	words := []string{"the", "men", "walked", "into", "a", "desert", "and", "then", "some", "went", "on"}
	return fill(size, func(i int) string { return words[i%len(words)] + " " }, "still\n")
}

// repeatedNamesArticle repeats a handful of names and their short forms
// in ordinary sentences.
func repeatedNamesArticle(size int) []byte {
	names := []string{"Vincent Delory", "Antoine de Léocour", "Alhadi Ibrahim", "Niamey", "Tabankort", "Delory"}
	return fill(size, func(i int) string {
		return "On January " + strconv.Itoa(i%28+1) + ", 2011, " + names[i%len(names)] + " met " +
			names[(i+1)%len(names)] + " and " + strconv.Itoa(i%50+2) + " men in " + names[(i+3)%len(names)] + ". "
	}, "\n")
}

// sampleArticle is the article embedded in the binary.
func sampleArticle(t testing.TB) []byte {
	t.Helper()
	data, err := samples.Read(samples.Default)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func runPipeline(tb testing.TB, data []byte) []Question {
	a, err := ParseArticle(data)
	if err != nil {
		tb.Fatal(err)
	}
	return Generate(a, ExtractFacts(a), Options{Count: -1})
}

// BenchmarkPathological runs the whole pipeline on each pathological shape
// at 32 KB and 256 KB: on linear code the second takes about eight times
// the first. "sample" is the embedded article, at its size and grown to
// 2 MB.
func BenchmarkPathological(b *testing.B) {
	for _, shape := range pathologicalShapes {
		for _, size := range []int{32 << 10, 256 << 10} {
			data := shape.build(size)
			b.Run(shape.name+"/"+byteSize(size), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					runPipeline(b, data)
				}
			})
		}
	}
	seed := sampleArticle(b)
	b.Run("sample/seed", func(b *testing.B) {
		b.SetBytes(int64(len(seed)))
		for b.Loop() {
			runPipeline(b, seed)
		}
	})
	big := grow(seed, DefaultMaxBytes-1024)
	b.Run("sample/2MB", func(b *testing.B) {
		b.SetBytes(int64(len(big)))
		for b.Loop() {
			runPipeline(b, big)
		}
	})
}

// TestPathologicalBounded runs every shape at 16 KB: the pipeline
// finishes, gives the same questions twice, and what it builds stays in
// proportion to the text (no time is measured: machines are noisy, and
// BenchmarkPathological compares the sizes).
func TestPathologicalBounded(t *testing.T) {
	for _, shape := range pathologicalShapes {
		t.Run(shape.name, func(t *testing.T) {
			data := shape.build(16 << 10)
			a, err := ParseArticle(data)
			if err != nil {
				t.Fatal(err)
			}
			facts := ExtractFacts(a)
			if len(facts) > len(data)/4 {
				t.Errorf("%d facts from %d bytes", len(facts), len(data))
			}
			x := newExtractor(nil, a)
			if words := len(strings.Fields(string(data))); len(x.aliases) > 2*words {
				t.Errorf("%d aliases from %d words", len(x.aliases), words)
			}
			g := newGenerator(a, facts)
			for k, pool := range g.distinct {
				if len(pool) > maxDistinct {
					t.Errorf("a pool of %d %s facts", len(pool), k)
				}
			}
			qs := Generate(a, facts, Options{Count: -1})
			if len(qs) > 4*len(facts)+3 {
				t.Errorf("%d questions from %d facts", len(qs), len(facts))
			}
			again := Generate(a, ExtractFacts(a), Options{Count: -1})
			if fmt.Sprint(again) != fmt.Sprint(qs) {
				t.Error("a second run gave other questions")
			}
		})
	}
}

// TestIndexesMatchScans checks the indexes that replaced scans against the
// scans: fieldIndex against strings.Fields, spanIndex against overlaps.
func TestIndexesMatchScans(t *testing.T) {
	s := "  Highway 407 &\t400, No. 5\u00a0and 3 men  (COS)x "
	fx := newFieldIndex(s)
	for at := 0; at <= len(s); at++ {
		if at < len(s) && !utf8.RuneStart(s[at]) {
			continue // numbers start at runes
		}
		want := strings.Fields(s[:at])
		want = want[max(0, len(want)-2):]
		if got := fx.lastFields(at, 2); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("lastFields(%d) = %q, want %q", at, got, want)
		}
	}
	spans := []Span{{10, 14}, {2, 4}, {3, 20}, {30, 31}, {25, 26}}
	ix := newSpanIndex(spans)
	for a := 0; a < 35; a++ {
		for b := a; b < 36; b++ {
			if got, want := ix.overlaps(Span{a, b}), overlaps(Span{a, b}, spans); got != want {
				t.Errorf("overlaps(%d, %d) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// countdown is a context whose Err turns to Canceled after n calls, so
// that a test cancels generation part way through without a clock.
type countdown struct {
	context.Context
	n, calls atomic.Int64
}

func (c *countdown) Err() error {
	if c.calls.Add(1) > c.n.Load() {
		return context.Canceled
	}
	return nil
}

func TestCanceledGenerationStops(t *testing.T) {
	text := manyNamesArticle(64 << 10)
	a, err := ParseArticle(text)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if g, err := FromText(ctx, &Parser{}, text, Options{Count: -1}); !errors.Is(err, context.Canceled) || g != nil {
		t.Fatalf("an already cancelled context: %v, error %v", g, err)
	}
	facts := ExtractFacts(a)
	for _, n := range []int64{1, 3, 10} {
		// cancelled during extraction, then during generation
		c := &countdown{Context: context.Background()}
		c.n.Store(n)
		if g, err := FromText(c, &Parser{}, text, Options{Count: -1}); !errors.Is(err, context.Canceled) || g != nil {
			t.Errorf("cancelled after %d checks: %v, error %v", n, g, err)
		}
		if c.calls.Load() > n+4 {
			t.Errorf("cancelled after %d checks, the context was read %d times: work went on", n, c.calls.Load())
		}
		c = &countdown{Context: context.Background()}
		c.n.Store(n)
		if qs, err := GenerateContext(c, a, facts, Options{Count: -1}); !errors.Is(err, context.Canceled) || qs != nil {
			t.Errorf("generation cancelled after %d checks: %d questions, error %v", n, len(qs), err)
		}
	}
	// A context that is never done changes nothing.
	sample := sampleArticle(t)
	if a, err = ParseArticle(sample); err != nil {
		t.Fatal(err)
	}
	want := Generate(a, ExtractFacts(a), Options{})
	got, err := FromText(context.Background(), &Parser{}, sample, Options{})
	if err != nil || fmt.Sprint(got.Questions) != fmt.Sprint(want) {
		t.Errorf("with a live context: error %v, same questions %v", err, err == nil && fmt.Sprint(got.Questions) == fmt.Sprint(want))
	}
}
