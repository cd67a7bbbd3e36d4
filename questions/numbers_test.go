package questions

import (
	"math"
	"strings"
	"testing"
)

func TestFindNumbers(t *testing.T) {
	type wantNumber struct {
		text    string
		value   float64
		spelled bool
	}
	tests := []struct {
		name string
		in   string
		want []wantNumber
	}{
		{"digits", "Beth mobilized 200 men", []wantNumber{{"200", 200, false}}},
		{"thousands", "Circulation: 381,310 weekdays, 1,000,000 readers", []wantNumber{{"381,310", 381310, false}, {"1,000,000", 1e6, false}}},
		{"decimals", "CAD 0.75 Monday-Friday, CAD 2.5 Saturday", []wantNumber{{"0.75", 0.75, false}, {"2.5", 2.5, false}}},
		{"approximately", "~20 men", []wantNumber{{"20", 20, false}}},
		{"digits with scale", "1.5 million readers", []wantNumber{{"1.5 million", 1.5e6, false}}},
		{"word", "three Nigerien soldiers", []wantNumber{{"three", 3, true}}},
		{"capitalised word", "Ten parachutists", []wantNumber{{"Ten", 10, true}}},
		{"compound", "twenty-five soldiers and twenty five more", []wantNumber{{"twenty-five", 25, true}, {"twenty five", 25, true}}},
		{"hundreds", "three hundred meters", []wantNumber{{"three hundred", 300, true}}},
		{"british and", "one hundred and five days and a hundred more", []wantNumber{{"one hundred and five", 105, true}, {"a hundred", 100, true}}},
		{"scales", "two million three hundred thousand", []wantNumber{{"two million three hundred thousand", 2.3e6, true}}},
		{"fifteen hundred", "fifteen hundred", []wantNumber{{"fifteen hundred", 1500, true}}},
		{"hyphenated noun", "a six-man team", []wantNumber{{"six", 6, true}}},
		{"and not followed by number", "three hundred and fifty, two and three", []wantNumber{{"three hundred and fifty", 350, true}, {"two", 2, true}, {"three", 3, true}}},
		{"words that do not combine", "one two", []wantNumber{{"one", 1, true}, {"two", 2, true}}},
		{"one-to-one", "a one-to-one correspondence", []wantNumber{{"one", 1, true}}},
		{"ordinals", "the 1st and 13th regiments on the third day, second", nil},
		{"names and times", "1 C-160 at 3am and 10:40 p.m. for the A380", []wantNumber{{"1", 1, false}}},
		{"decade", "the 1980s", nil},
		{"leading zero", "ISSN: 0319-0781", nil},
		{"range", "5–10 reinforcements", []wantNumber{{"5", 5, false}, {"10", 10, false}}},
		{"year", "in 1892", []wantNumber{{"1892", 1892, false}}},
		{"article alone", "a man and an hour", nil},
		{"hundreds plural", "hundreds of men", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindNumbers(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("FindNumbers(%q) = %+v, want %d mentions", tt.in, got, len(tt.want))
			}
			for i, m := range got {
				w := tt.want[i]
				if m.Text != w.text || m.Value != w.value || m.Spelled != w.spelled || tt.in[m.Start:m.End] != m.Text {
					t.Errorf("mention %d = %q %v %v at %v, want %q %v %v", i, m.Text, m.Value, m.Spelled, m.Span, w.text, w.value, w.spelled)
				}
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"200", 200, true},
		{"381,310", 381310, true},
		{"1,000,000", 1e6, true},
		{"2.5", 2.5, true},
		{"0.75", 0.75, true},
		{" 42 ", 42, true},
		{"-5", -5, true},
		{"−5", -5, true},
		{"+3", 3, true},
		{"two", 2, true},
		{"Twenty", 20, true},
		{"twenty-five", 25, true},
		{"three hundred", 300, true},
		{"ninety-nine thousand nine hundred", 99900, true},
		{"a thousand", 1000, true},
		{"1.5 million", 1.5e6, true},
		{"zero", 0, true},
		{"", 0, false},
		{"-", 0, false},
		{"abc", 0, false},
		{"1,00", 0, false},
		{"200 men", 0, false},
		{"third", 0, false},
		{"13th", 0, false},
		{"three four", 0, false},
		{"twenty zero", 0, false},
		{"hundred", 0, false},
		{"thousand million", 0, false},
		{"0319", 0, false},
		{"1e5", 0, false},
		{"NaN", 0, false},
		{strings.Repeat("9", 400), 0, false},
		{strings.Repeat("one ", 10000), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in[:min(len(tt.in), 30)], func(t *testing.T) {
			got, ok := ParseNumber(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{200, "200"},
		{381310, "381,310"},
		{2.5, "2.5"},
		{0.75, "0.75"},
		{1992, "1992"},
		{9999, "9999"},
		{10000, "10,000"},
		{1e6, "1,000,000"},
		{-12345.5, "-12,345.5"},
		{0, "0"},
		{math.NaN(), "NaN"},
		{math.Inf(1), "+Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := FormatNumber(tt.in); got != tt.want {
				t.Errorf("FormatNumber(%v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNumberWord(t *testing.T) {
	tests := []struct {
		in   int
		want string
	}{
		{0, "zero"},
		{3, "three"},
		{13, "thirteen"},
		{20, "twenty"},
		{25, "twenty-five"},
		{99, "ninety-nine"},
		{100, "one hundred"},
		{101, "one hundred one"},
		{300, "three hundred"},
		{2500, "two thousand five hundred"},
		{1_000_000, "one million"},
		{-1, "-1"},
		{1_000_000_000, "1000000000"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := NumberWord(tt.in); got != tt.want {
				t.Errorf("NumberWord(%d) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNumberWordRoundTrip checks that every spelled number reads back.
func TestNumberWordRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 19, 20, 21, 99, 100, 110, 999, 1000, 1001, 12345, 999_999, 1_234_567, 999_999_999} {
		w := NumberWord(n)
		if got, ok := ParseNumber(w); !ok || got != float64(n) {
			t.Errorf("ParseNumber(NumberWord(%d) = %q) = %v, %v", n, w, got, ok)
		}
		if got, ok := ParseNumber(FormatNumber(float64(n))); !ok || got != float64(n) {
			t.Errorf("ParseNumber(FormatNumber(%d)) = %v, %v", n, got, ok)
		}
	}
}

// FuzzFindNumbers checks that any text yields mentions in order, inside the
// text and parsing back to the same value, and never a panic.
func FuzzFindNumbers(f *testing.F) {
	f.Add("Beth mobilized 200 men, three hundred and five, 381,310 and 2.5 of ~20")
	f.Add("a six-man team, twenty-five, 1.5 million, C-160 at 3am")
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, m := range FindNumbers(s) {
			if m.Start < end || m.End <= m.Start || s[m.Start:m.End] != m.Text {
				t.Fatalf("FindNumbers(%q): bad mention %+v after offset %d", s, m, end)
			}
			end = m.End
			if v, ok := ParseNumber(m.Text); !ok || v != m.Value {
				t.Errorf("ParseNumber(%q) = %v, %v; FindNumbers found %v", m.Text, v, ok, m.Value)
			}
		}
	})
}
