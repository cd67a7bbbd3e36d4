package stats

import (
	"slices"
	"testing"
)

var optionCountsTests = []struct {
	name    string
	choices []Choice
	want    [][]int
}{
	{"none", nil, [][]int{}},
	{"one question", []Choice{{0, 1}, {0, 1}, {0, 0}, {0, 3}}, [][]int{{1, 2, 0, 1}}},
	// Question 1 had no choices; question 2 is multiple response.
	{"gaps", []Choice{{2, 0}, {2, 1}, {0, 0}, {2, 1}}, [][]int{{1}, {}, {1, 2}}},
	{"negative ignored", []Choice{{-1, 0}, {0, -1}, {1, 0}}, [][]int{{}, {1}}},
}

func TestOptionCounts(t *testing.T) {
	for _, tt := range optionCountsTests {
		t.Run(tt.name, func(t *testing.T) {
			got := OptionCounts(tt.choices)
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOptionCountsRows checks that appending to one row cannot overwrite the
// next, although they share an array.
func TestOptionCountsRows(t *testing.T) {
	got := OptionCounts([]Choice{{0, 0}, {1, 0}})
	_ = append(got[0], 7)
	if got[1][0] != 1 {
		t.Errorf("appending to row 0 changed row 1: %v", got)
	}
}
