package questions

import (
	"strings"
	"testing"
)

type wantDate struct {
	text string
	date Date
}

var findDatesTests = []struct {
	name string
	in   string
	want []wantDate
}{
	{"month day year", "On January 8, 2011, French and Nigerien commandos", []wantDate{{"January 8, 2011", Date{Year: 2011, Month: 1, Day: 8}}}},
	{"day month year", "on 8 January 2011 the", []wantDate{{"8 January 2011", Date{Year: 2011, Month: 1, Day: 8}}}},
	{"month day", "An AQIM statement on January 13 mocked", []wantDate{{"January 13", Date{Month: 1, Day: 13}}}},
	{"month day then comma", "on the morning of January 8, and called", []wantDate{{"January 8", Date{Month: 1, Day: 8}}}},
	{"day month", "on 8 January they left", []wantDate{{"8 January", Date{Month: 1, Day: 8}}}},
	{"ordinal day", "on March 3rd, 1999 and the 8th of May", []wantDate{{"March 3rd, 1999", Date{Year: 1999, Month: 3, Day: 3}}, {"8th of May", Date{Month: 5, Day: 8}}}},
	{"month year", "In September 2002, the logo was changed", []wantDate{{"September 2002", Date{Year: 2002, Month: 9}}}},
	{"abbreviated months", "on Jan. 8, 2011 and in Sept. 2002 and Feb 2003", []wantDate{
		{"Jan. 8, 2011", Date{Year: 2011, Month: 1, Day: 8}}, {"Sept. 2002", Date{Year: 2002, Month: 9}}, {"Feb 2003", Date{Year: 2003, Month: 2}}}},
	{"year after preposition", "was created in 1892 by striking printers", []wantDate{{"1892", Date{Year: 1892}}}},
	{"year at sentence start", "1892 was a year. 1893 was another.\n1894 too", []wantDate{{"1892", Date{Year: 1892}}, {"1893", Date{Year: 1893}}, {"1894", Date{Year: 1894}}}},
	{"year before comma", "Foundation: 1892, as the Evening Star", []wantDate{{"1892", Date{Year: 1892}}}},
	{"year in parentheses", "Raid on Tabankort (2011)", []wantDate{{"2011", Date{Year: 2011}}}},
	{"year after the", "During the 2003 blackout", []wantDate{{"2003", Date{Year: 2003}}}},
	{"dash range", "written during 1011–1021, survived", []wantDate{{"1011", Date{Year: 1011}}, {"1021", Date{Year: 1021}}}},
	{"dash range without comma", "in 1910–1973 the Star", []wantDate{{"1910", Date{Year: 1910}}, {"1973", Date{Year: 1973}}}},
	{"dash without range", "Score – 1910 points", nil},
	{"word range", "editor from 1899 until his death in 1948.", []wantDate{{"1899", Date{Year: 1899}}, {"1948", Date{Year: 1948}}}},
	{"circa", "was born c. 965 to an Arab family", []wantDate{{"c. 965", Date{Year: 965, Circa: true}}}},
	{"circa range", "(c. 965 – c. 1040) was", []wantDate{{"c. 965", Date{Year: 965, Circa: true}}, {"c. 1040", Date{Year: 1040, Circa: true}}}},
	{"hijri year skipped", "Birth_date: c. 965 (c. 354 AH) and 430 AH", []wantDate{{"c. 965", Date{Year: 965, Circa: true}}}},
	{"decade", "free trade in the 1980s and 1990s", []wantDate{{"the 1980s", Date{Year: 1980, Decade: true}}, {"1990s", Date{Year: 1990, Decade: true}}}},
	{"not decades", "the 1985s and 0990s", nil},
	{"decade with qualifier", "Until the mid-2000s, the front page", []wantDate{{"the mid-2000s", Date{Year: 2000, Decade: true}}}},
	{"years BC and AD", "from 500 BC to 79 AD and 1066 CE", []wantDate{{"500 BC", Date{Year: -500}}, {"79 AD", Date{Year: 79}}, {"1066 CE", Date{Year: 1066}}}},
	{"counts are not years", "mobilized 200 men and 1500 soldiers and 1200 people", nil},
	{"plural after the", "the 1500 soldiers", nil},
	{"thousands separator", "Circulation: 381,310 weekdays", nil},
	{"road number", "the Highway 407 & 400 interchange", nil},
	{"age", "the 25 year-old Vincent", nil},
	{"number of years", "in 1000 years", nil},
	{"serial number", "ISSN: 0319-0781", nil},
	{"model name", "a C-1600 and an A1999 and $2000", nil},
	{"lower-case may", "they may 5 times", nil},
	{"time after date", "On January 8, 11 a.m.", []wantDate{{"January 8", Date{Month: 1, Day: 8}}}},
	{"ordinal century", "at the end of the 12th century", nil},
	{"empty", "", nil},
}

func TestFindDates(t *testing.T) {
	for _, tt := range findDatesTests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindDates(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("FindDates(%q) = %+v, want %d mentions", tt.in, got, len(tt.want))
			}
			for i, m := range got {
				if m.Text != tt.want[i].text || m.Date != tt.want[i].date {
					t.Errorf("mention %d = %q %+v, want %q %+v", i, m.Text, m.Date, tt.want[i].text, tt.want[i].date)
				}
				if tt.in[m.Start:m.End] != m.Text {
					t.Errorf("mention %d: span %v holds %q, not %q", i, m.Span, tt.in[m.Start:m.End], m.Text)
				}
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"January 8, 2011", Date{Year: 2011, Month: 1, Day: 8}, true},
		{"8 January 2011", Date{Year: 2011, Month: 1, Day: 8}, true},
		{"  january 8, 2011 ", Date{Year: 2011, Month: 1, Day: 8}, true},
		{"Jan. 8, 2011", Date{Year: 2011, Month: 1, Day: 8}, true},
		{"8th of January 2011", Date{Year: 2011, Month: 1, Day: 8}, true},
		{"January 13", Date{Month: 1, Day: 13}, true},
		{"13 january", Date{Month: 1, Day: 13}, true},
		{"may 2011", Date{Year: 2011, Month: 5}, true},
		{"2011", Date{Year: 2011}, true},
		{"965", Date{Year: 965}, true},
		{"c. 965", Date{Year: 965, Circa: true}, true},
		{"circa 1040", Date{Year: 1040, Circa: true}, true},
		{"the 1980s", Date{Year: 1980, Decade: true}, true},
		{"1980s", Date{Year: 1980, Decade: true}, true},
		{"500 BC", Date{Year: -500}, true},
		{"79 AD", Date{Year: 79}, true},
		{"c. 44 BC", Date{Year: -44, Circa: true}, true},
		{"c. 44", Date{}, false},
		{"354 AH", Date{}, false},
		{"8", Date{}, false},
		{"January 32", Date{}, false},
		{"January 8, 2011 and more", Date{}, false},
		{"2.5", Date{}, false},
		{"10:40", Date{}, false},
		{"hello", Date{}, false},
		{"", Date{}, false},
		{strings.Repeat("2011 ", 10000), Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in[:min(len(tt.in), 30)], func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseDate(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{Date{Year: 2011, Month: 1, Day: 8}, "January 8, 2011"},
		{Date{Month: 1, Day: 13}, "January 13"},
		{Date{Year: 2011, Month: 1}, "January 2011"},
		{Date{Year: 2011}, "2011"},
		{Date{Year: 965, Circa: true}, "c. 965"},
		{Date{Year: 1980, Decade: true}, "the 1980s"},
		{Date{Year: -500}, "500 BC"},
		{Date{Month: 3}, "March"},
		{Date{}, ""},
		{Date{Year: 2011, Month: 13, Day: 40}, " 40, 2011"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.d.String(); got != tt.want {
				t.Errorf("%+v.String() = %q, want %q", tt.d, got, tt.want)
			}
		})
	}
}

func TestDatePrecision(t *testing.T) {
	tests := []struct {
		d    Date
		want int
	}{
		{Date{Year: 2011, Month: 1, Day: 8}, 3},
		{Date{Year: 2011, Month: 1}, 2},
		{Date{Month: 1, Day: 13}, 2},
		{Date{Year: 2011}, 1},
		{Date{Year: 1980, Decade: true}, 1},
		{Date{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.d.String(), func(t *testing.T) {
			if got := tt.d.Precision(); got != tt.want {
				t.Errorf("%+v.Precision() = %d, want %d", tt.d, got, tt.want)
			}
		})
	}
}

func TestDateBefore(t *testing.T) {
	tests := []struct {
		name string
		d, e Date
		want bool
	}{
		{"earlier year", Date{Year: 1892}, Date{Year: 1948}, true},
		{"later year", Date{Year: 1948}, Date{Year: 1892}, false},
		{"same year", Date{Year: 2011}, Date{Year: 2011}, false},
		{"earlier month", Date{Year: 2007, Month: 5}, Date{Year: 2007, Month: 10}, true},
		{"earlier day", Date{Year: 2011, Month: 1, Day: 7}, Date{Year: 2011, Month: 1, Day: 8}, true},
		{"same day", Date{Year: 2011, Month: 1, Day: 8}, Date{Year: 2011, Month: 1, Day: 8}, false},
		{"day unknown", Date{Year: 2011, Month: 1}, Date{Year: 2011, Month: 1, Day: 8}, false},
		{"month unknown", Date{Year: 2011}, Date{Year: 2011, Month: 1}, false},
		{"year only vs later full date", Date{Year: 2010}, Date{Year: 2011, Month: 1, Day: 8}, true},
		{"no years", Date{Month: 1, Day: 8}, Date{Month: 1, Day: 13}, true},
		{"one year unknown", Date{Month: 1, Day: 8}, Date{Year: 2011, Month: 1, Day: 13}, false},
		{"BC before AD", Date{Year: -500}, Date{Year: 79}, true},
		{"decade before year", Date{Year: 1940, Decade: true}, Date{Year: 1972}, true},
		{"year inside decade", Date{Year: 1985}, Date{Year: 1980, Decade: true}, false},
		{"decade inside decade", Date{Year: 1980, Decade: true}, Date{Year: 1985}, false},
		{"zero dates", Date{}, Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Before(tt.e); got != tt.want {
				t.Errorf("%v.Before(%v) = %v, want %v", tt.d, tt.e, got, tt.want)
			}
		})
	}
}

func TestFindTimes(t *testing.T) {
	type wantTime struct {
		text  string
		clock Clock
	}
	tests := []struct {
		name string
		in   string
		want []wantTime
	}{
		{"p.m.", "At 10:40 p.m., the jihadists burst in", []wantTime{{"10:40 p.m.", Clock{22, 40}}}},
		{"around a.m.", "relocated them around 4 a.m. Three", []wantTime{{"4 a.m.", Clock{4, 0}}}},
		{"glued am", "were in Ouallam at 3am.", []wantTime{{"3am", Clock{3, 0}}}},
		{"hour a.m.", "The raid began at 11 a.m. near", []wantTime{{"11 a.m.", Clock{11, 0}}}},
		{"24-hour", "at 22:15 the", []wantTime{{"22:15", Clock{22, 15}}}},
		{"words", "from noon until Midnight", []wantTime{{"noon", Clock{12, 0}}, {"Midnight", Clock{0, 0}}}},
		{"twelve", "12 a.m. and 12 p.m.", []wantTime{{"12 a.m.", Clock{0, 0}}, {"12 p.m.", Clock{12, 0}}}},
		{"capitals and dots", "5 PM, 10.40 pm and 9 A.M.", []wantTime{{"5 PM", Clock{17, 0}}, {"10.40 pm", Clock{22, 40}}, {"9 A.M.", Clock{9, 0}}}},
		{"o'clock", "at 4 o'clock", []wantTime{{"4 o'clock", Clock{4, 0}}}},
		{"not times", "25:00, 10:75, 13 p.m., a 2:1 vote, 10.5 men, 200 men, afternoon, Highway 407, 0 am, 4 a man, 10.40 o'clock", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindTimes(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("FindTimes(%q) = %+v, want %d mentions", tt.in, got, len(tt.want))
			}
			for i, m := range got {
				if m.Text != tt.want[i].text || m.Clock != tt.want[i].clock || tt.in[m.Start:m.End] != m.Text {
					t.Errorf("mention %d = %q %+v at %v, want %q %+v", i, m.Text, m.Clock, m.Span, tt.want[i].text, tt.want[i].clock)
				}
			}
		})
	}
}

// FuzzFindDates checks that any text yields mentions in order, inside the
// text and parsing back to the same date, and never a panic.
func FuzzFindDates(f *testing.F) {
	for _, tt := range findDatesTests {
		f.Add(tt.in)
	}
	f.Add("At 10:40 p.m. around 4 a.m. on 8 January 2011")
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, m := range FindDates(s) {
			if m.Start < end || m.End <= m.Start || s[m.Start:m.End] != m.Text {
				t.Fatalf("FindDates(%q): bad mention %+v after offset %d", s, m, end)
			}
			end = m.End
			if d, ok := ParseDate(m.Text); !ok || d != m.Date {
				t.Errorf("ParseDate(%q) = %+v, %v; FindDates found %+v", m.Text, d, ok, m.Date)
			}
		}
		end = 0
		for _, m := range FindTimes(s) {
			if m.Start < end || m.End <= m.Start || s[m.Start:m.End] != m.Text {
				t.Fatalf("FindTimes(%q): bad mention %+v after offset %d", s, m, end)
			}
			end = m.End
		}
	})
}
