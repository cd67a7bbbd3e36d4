package stats

import (
	"bufio"
	"encoding/csv"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// readResults reads a CSV file whose first record holds the maximum marks
// and each later one the marks of an attempt; an empty cell is a question
// not asked.
func readResults(t *testing.T, name string) Results {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comment = '#'
	records, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	rows := make([][]float64, len(records))
	for i, rec := range records {
		rows[i] = make([]float64, len(rec))
		for j, cell := range rec {
			if cell == "" {
				rows[i][j] = math.NaN()
				continue
			}
			if rows[i][j], err = strconv.ParseFloat(cell, 64); err != nil {
				t.Fatalf("%s: record %d: %v", name, i+1, err)
			}
		}
	}
	return Results{MaxMarks: rows[0], Marks: rows[1:]}
}

// readExpected reads "name value" lines, ignoring blank lines and comments.
func readExpected(t *testing.T, name string) map[string]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := make(map[string]string)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		switch len(fields) {
		case 0:
		case 2:
			want[fields[0]] = fields[1]
		default:
			t.Fatalf("%s:%d: want \"name value\", got %q", name, n, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return want
}

// same reports whether got is want within tol, NaN matching only NaN.
func same(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol
}

// TestSmall checks every statistic of the hand-worked data set against the
// exact values derived in testdata/stats/small_expected.txt.
func TestSmall(t *testing.T) {
	dir := filepath.Join("..", "testdata", "stats")
	r := readResults(t, filepath.Join(dir, "small.csv"))
	want := readExpected(t, filepath.Join(dir, "small_expected.txt"))

	got := make(map[string]float64)
	flags := make(map[string]Flag)
	qs := Quiz(r)
	for name, v := range map[string]float64{
		"attempts": float64(qs.Attempts), "mean": qs.Mean, "median": qs.Median,
		"sd": qs.SD, "skewness": qs.Skewness, "kurtosis": qs.Kurtosis,
		"alpha": qs.Alpha, "errorratio": qs.ErrorRatio, "sem": qs.SEM,
	} {
		got[name] = v
	}
	for i, it := range Items(r) {
		p := "q" + strconv.Itoa(i+1) + "."
		got[p+"attempts"] = float64(it.Attempts)
		got[p+"facility"] = it.Facility
		got[p+"sd"] = it.SD
		got[p+"discrimination"] = it.Discrimination
		got[p+"efficiency"] = it.Efficiency
		flags[p+"flag"] = it.Flag
	}
	if len(got)+len(flags) != len(want) {
		t.Errorf("computed %d values, expected file has %d", len(got)+len(flags), len(want))
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		w := want[name]
		t.Run(name, func(t *testing.T) {
			if f, ok := flags[name]; ok {
				if f.String() != w {
					t.Errorf("got %v, want %s", f, w)
				}
				return
			}
			g, ok := got[name]
			if !ok {
				t.Fatal("not computed")
			}
			wf, err := strconv.ParseFloat(w, 64)
			if err != nil {
				t.Fatal(err)
			}
			if !same(g, wf, 1e-9) {
				t.Errorf("got %.17g, want %.17g", g, wf)
			}
		})
	}
}
